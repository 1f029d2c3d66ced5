"""Message objects: the one builder, and the normalising Discord applies to what is sent."""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from typing import Any

from .payloads import JSON, iso

EPHEMERAL = 1 << 6
LOADING = 1 << 7
# Flags a client may set on create/edit; EPHEMERAL only through interactions.
SETTABLE_FLAGS = (1 << 2) | (1 << 12) | (1 << 15)

_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


@dataclass(frozen=True)
class FakeFile:
    """A file part of a multipart request.

    Attributes:
        name: The form field name, e.g. ``files[0]``.
        filename: The file name the client sent.
        content_type: The part's content type.
        data: The bytes.
    """

    name: str
    filename: str
    content_type: str
    data: bytes


def message(
    *,
    message_id: int,
    channel_id: int,
    author: JSON,
    content: str = "",
    msg_type: int = 0,
    flags: int = 0,
    **extra: Any,
) -> JSON:
    """Build a message object as Discord's REST API returns it.

    Args:
        message_id: The message id.
        channel_id: The channel it is in.
        author: The author's user object.
        content: Text content.
        msg_type: Message type (0 default, 19 reply, 20 chat input command).
        flags: Message flags.
        **extra: Further fields, e.g. ``embeds``, ``components``, ``attachments``,
            ``nonce``, ``webhook_id``, ``application_id``, ``message_reference``,
            ``referenced_message``, ``interaction_metadata``, ``mentions``.

    Returns:
        The message object.
    """
    payload: JSON = {
        "type": msg_type,
        "content": content,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "timestamp": iso(),
        "edited_timestamp": None,
        "flags": flags,
        "components": [],
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "pinned": False,
        "mention_everyone": False,
        "tts": False,
    }
    payload.update({key: value for key, value in extra.items() if value is not None})
    return payload


def mentions(content: str) -> tuple[list[int], list[str]]:
    """Return the user ids and role ids (as strings) mentioned in ``content``."""
    users = [int(found) for found in _USER_MENTION.findall(content)]
    return users, _ROLE_MENTION.findall(content)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def normalize_components(components: list[JSON] | None) -> list[JSON]:
    """Drop nulls and number every component depth-first, as Discord does."""
    counter = 0

    def walk(node: Any) -> Any:
        nonlocal counter
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, dict) and "type" in node:
            counter += 1
            numbered = {"id": counter, **node} if "id" not in node else dict(node)
            return {k: walk(v) for k, v in numbered.items()}
        return node

    return walk(_without_nulls(components or []))


def normalize_embeds(embeds: list[JSON] | None) -> list[JSON]:
    """Drop nulls and mark embeds ``rich``, as Discord does."""
    return [{"type": "rich", **_without_nulls(embed)} for embed in embeds or []]


def attachment(
    attachment_id: int, channel_id: int, file: FakeFile, base_url: str, *, ephemeral: bool
) -> JSON:
    """Return the attachment object for an uploaded file, served by the fake at its url."""
    guessed = mimetypes.guess_type(file.filename)[0]
    content_type = guessed or file.content_type or "application/octet-stream"
    url = f"{base_url}/attachments/{channel_id}/{attachment_id}/{file.filename}"
    payload: JSON = {
        "id": str(attachment_id),
        "filename": file.filename,
        "size": len(file.data),
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
    }
    if ephemeral:
        payload["ephemeral"] = True
    return payload
