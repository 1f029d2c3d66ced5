"""The message store: what is in each channel, with nonce de-duplication and file bytes."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import ids
from .errors import ApiError, invalid_form, unknown
from .messages import (
    EPHEMERAL,
    LOADING,
    SETTABLE_FLAGS,
    FakeFile,
    attachment,
    mentions,
    message,
    normalize_components,
    normalize_embeds,
)
from .payloads import JSON, iso

NONCE_WINDOW = 300.0  # seconds Discord remembers an enforced nonce
MAX_CONTENT = 2000
MAX_ATTACHMENTS = 10


@dataclass
class StoredMessage:
    """A message in the fake channel log.

    Attributes:
        payload: The message object, as Discord returns it.
        files: Attachment bytes by attachment id.
        author_roles: Role ids of the author (for MESSAGE_CREATE's member).
        created_at: Clock time of creation (for the nonce window).
        deleted: Whether the message was deleted.
    """

    payload: JSON
    files: dict[str, bytes] = field(default_factory=dict)
    author_roles: tuple[int, ...] = ()
    created_at: float = 0.0
    deleted: bool = False

    @property
    def id(self) -> int:
        """The message id."""
        return int(self.payload["id"])

    @property
    def author_id(self) -> int:
        """The author's user id."""
        return int(self.payload["author"]["id"])

    def view(self) -> JSON:
        """Return a copy of the payload whose attachments carry their bytes as ``data``."""
        shown = copy.deepcopy(self.payload)
        for item in shown["attachments"]:
            item["data"] = self.files.get(item["id"], b"")
        return shown


class MessageStore:
    """All messages of the fake, by id."""

    def __init__(
        self,
        base_url: Callable[[], str],
        user: Callable[[int], JSON],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Create an empty store.

        Args:
            base_url: Returns the fake's base URL (attachment URLs point there).
            user: Returns the user object of an id (for mentions).
            clock: Monotonic clock for the nonce window.
        """
        self._base_url = base_url
        self._user = user
        self._clock = clock
        self._messages: dict[int, StoredMessage] = {}
        self._nonces: dict[tuple[int, int, str], StoredMessage] = {}

    def add(
        self, payload: JSON, files: dict[str, bytes] | None = None, roles: tuple = ()
    ) -> StoredMessage:
        """Store an already built message (e.g. one a user sent)."""
        stored = StoredMessage(payload, files or {}, tuple(roles), self._clock())
        self._messages[stored.id] = stored
        return stored

    def forget_nonces(self) -> None:
        """Forget every enforced nonce, as Discord does once its nonce window has passed."""
        self._nonces.clear()

    def get(self, message_id: int, channel_id: int | None = None) -> StoredMessage:
        """Return a live message, or raise Discord's 404 Unknown Message."""
        stored = self._messages.get(message_id)
        if stored is None or stored.deleted:
            raise unknown("Message")
        if channel_id is not None and int(stored.payload["channel_id"]) != channel_id:
            raise unknown("Message")
        return stored

    def visible(self, channel_id: int) -> list[StoredMessage]:
        """Return the live messages of a channel, oldest first."""
        return [
            m
            for m in self._messages.values()
            if not m.deleted and int(m.payload["channel_id"]) == channel_id
        ]

    def create(
        self,
        channel_id: int,
        author: JSON,
        body: JSON,
        files: list[FakeFile],
        *,
        limit: int,
        roles: tuple[int, ...] = (),
        allow_ephemeral: bool = False,
        **extra: Any,
    ) -> tuple[StoredMessage, bool]:
        """Create a message from a request body, as ``POST .../messages`` does.

        Args:
            channel_id: Target channel.
            author: The author's user object.
            body: The JSON body (or ``payload_json``).
            files: Uploaded file parts.
            limit: Upload limit in bytes per file (413 / 40005 above it).
            roles: The author's roles.
            allow_ephemeral: Whether flag 64 is honoured (interaction responses).
            **extra: Extra message fields (type, webhook_id, interaction_metadata...).

        Returns:
            The stored message and whether it is new (False: nonce matched).
        """
        nonce, key = body.get("nonce"), None
        if nonce is not None and body.get("enforce_nonce"):
            key = (channel_id, int(author["id"]), str(nonce))
            found = self._nonces.get(key)
            if found and not found.deleted and self._clock() - found.created_at < NONCE_WINDOW:
                return found, False
        flags = (body.get("flags") or 0) & (SETTABLE_FLAGS | (EPHEMERAL if allow_ephemeral else 0))
        message_id = ids.snowflake()
        atts, data = self._attachments(channel_id, body, files, [], limit, flags & EPHEMERAL)
        user_ids, role_ids = mentions(body.get("content") or "")
        payload = message(
            message_id=message_id,
            channel_id=channel_id,
            author=author,
            content=body.get("content") or "",
            flags=flags,
            embeds=normalize_embeds(body.get("embeds")),
            components=normalize_components(body.get("components")),
            attachments=atts,
            nonce=nonce,
            mention_roles=role_ids,
            **extra,
        )
        payload["mentions"] = [self._user(u) for u in dict.fromkeys(user_ids)]
        self._check_not_empty(payload, body)
        stored = StoredMessage(payload, data, roles, self._clock())
        self._messages[message_id] = stored
        if key is not None:
            self._nonces[key] = stored
        return stored, True

    def edit(self, stored: StoredMessage, body: JSON, files: list[FakeFile], *, limit: int) -> None:
        """Apply a PATCH body (content, embeds, components, attachments, flags), all or nothing."""
        payload = copy.deepcopy(stored.payload)
        if "content" in body:
            payload["content"] = body["content"] or ""
        if "embeds" in body:
            payload["embeds"] = normalize_embeds(body["embeds"])
        if "components" in body:
            payload["components"] = normalize_components(body["components"])
        if body.get("flags") is not None:
            kept = payload["flags"] & ~SETTABLE_FLAGS
            payload["flags"] = kept | (body["flags"] & SETTABLE_FLAGS)
        payload["flags"] &= ~LOADING
        kept_files = stored.files
        if body.get("attachments") is not None or files:
            wanted = {str(a.get("id")) for a in body.get("attachments") or []}
            keep = payload["attachments"]
            if body.get("attachments") is not None:
                keep = [a for a in keep if a["id"] in wanted]
            ephemeral = payload["flags"] & EPHEMERAL
            atts, data = self._attachments(
                int(payload["channel_id"]), body, files, keep, limit, ephemeral
            )
            kept_files = {k: v for k, v in stored.files.items() if k in {a["id"] for a in keep}}
            kept_files.update(data)
            payload["attachments"] = atts
        payload["edited_timestamp"] = iso()
        self._check_not_empty(payload, body)
        stored.payload, stored.files = payload, kept_files

    def _attachments(
        self,
        channel_id: int,
        body: JSON,
        files: list[FakeFile],
        keep: list[JSON],
        limit: int,
        ephemeral: int,
    ) -> tuple[list[JSON], dict[str, bytes]]:
        described = {str(a.get("id")): a for a in body.get("attachments") or []}
        known = {a["id"] for a in keep}
        uploaded = {f.name[len("files[") : -1] for f in files}
        for key in described:
            if key not in uploaded and key not in known:
                raise invalid_form(
                    "attachments", f"Unknown attachment {key}.", "ATTACHMENT_NOT_FOUND"
                )
        result, data = list(keep), {}
        for file in files:
            meta = described.get(file.name[len("files[") : -1], {})
            if len(file.data) > limit:
                raise ApiError(413, 40005, "Request entity too large")
            named = FakeFile(
                file.name, meta.get("filename") or file.filename, file.content_type, file.data
            )
            attachment_id = ids.snowflake()
            item = attachment(
                attachment_id, channel_id, named, self._base_url(), ephemeral=bool(ephemeral)
            )
            if meta.get("description"):
                item["description"] = meta["description"]
            result.append(item)
            data[str(attachment_id)] = file.data
        if len(result) > MAX_ATTACHMENTS:
            raise invalid_form(
                "attachments", "Must be 10 or fewer in length.", "BASE_TYPE_MAX_LENGTH"
            )
        return result, data

    @staticmethod
    def _check_not_empty(payload: JSON, body: JSON) -> None:
        if len(payload["content"]) > MAX_CONTENT:
            raise invalid_form(
                "content", "Must be 2000 or fewer in length.", "BASE_TYPE_MAX_LENGTH"
            )
        filled = payload["content"] or payload["embeds"] or payload["attachments"]
        if not (filled or payload["components"] or body.get("sticker_ids") or body.get("poll")):
            raise ApiError(400, 50006, "Cannot send an empty message")
