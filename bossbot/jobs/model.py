"""The job record and the request that creates one."""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass, field
from typing import Any

from bossbot.fetch.base import Progress

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base32: no i, l, o or u


def new_job_id(length: int = 6) -> str:
    """A short random job id such as ``k3v9qa``."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


@dataclass(slots=True, kw_only=True)
class Requested:
    """Who asked for a download and where its answers go: shared by request and job.

    Attributes:
        url: The URL to download (the fetch layer applies the URL policy).
        command: Command name that created the job (``dlt``, ``fetch``...).
        site: Site group name, when the frontend already routed the URL.
        requester_id: Discord user id (0 on the command line), ``requester_name`` and
            ``requester_roles``; ``role`` the bot role (``spec.roles`` key) resolved from
            them and ``priority`` its priority (higher runs first).
        guild_id: Where the request came from; ``channel_id`` is where to deliver,
            ``source_message_id`` the prefix command's message, ``interaction_id`` and
            ``interaction_token`` (secret, dropped when the job ends) a slash command's,
            valid until ``token_expires_at`` (epoch seconds); ``status_message_id`` the
            message the frontend edits with progress.
    """

    url: str
    command: str = ""
    site: str = ""
    requester_id: int = 0
    requester_name: str = ""
    requester_roles: list[str] = field(default_factory=list)
    role: str = ""
    priority: int = 0
    guild_id: int | None = None
    channel_id: int | None = None
    source_message_id: int | None = None
    interaction_id: int | None = None
    interaction_token: str | None = field(default=None, repr=False)
    token_expires_at: float | None = None
    status_message_id: int | None = None


@dataclass(slots=True, kw_only=True)
class JobRequest(Requested):
    """What a frontend asks for; the executor turns it into a :class:`Job`.

    Attributes:
        cap: Byte cap per file for this requester (role and upload limits applied).
        user_limit: The requester's role's ``max_queued``.
    """

    cap: int
    user_limit: int = 3

    def new_job(self, *, origin: str, max_attempts: int, now: float) -> Job:
        """The job row for this request (its id is drawn when the store admits it)."""
        asked = {f.name: getattr(self, f.name) for f in dataclasses.fields(Requested)}
        return Job(id="", cap=self.cap, origin=origin, max_attempts=max_attempts,
                   created_at=now, updated_at=now, next_attempt_at=now, **asked)  # fmt: skip


@dataclass(slots=True, kw_only=True)
class Job(Requested):
    """One persisted job row; ``state`` is driven by :class:`~bossbot.jobs.JobMachine`.

    ``files`` are the fetched, then validated files. ``upload_tries`` counts deliveries
    started (each committed first): a later one first asks the delivery which batches the
    user already has; ``batches_done`` counts batches posted and recorded.
    """

    id: str
    origin: str = "bot"
    state: str = "queued"
    attempt: int = 1
    max_attempts: int = 3
    progress: Progress | None = None
    error_kind: str | None = None
    error_text: str | None = None
    files: list[str] = field(default_factory=list)
    cap: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0
    started_at: float | None = None
    finished_at: float | None = None
    next_attempt_at: float = 0.0
    lease_owner: str | None = None
    lease_expires_at: float | None = None
    upload_nonce: str = field(default_factory=lambda: secrets.token_hex(12))
    upload_tries: int = 0
    batches_done: int = 0

    def attempts_left(self) -> bool:
        """True when a retry is allowed after the current attempt (the machine's guard)."""
        return self.attempt < self.max_attempts

    def files_kept(self) -> bool:
        """True when validated files wait to be posted (the machine's guard on ``start``)."""
        return bool(self.files)

    def another_attempt(self, at: float, *, keep_files: bool = False) -> dict[str, Any]:
        """The fields a retry or a recovery write to queue the next attempt, due at ``at``.

        With ``keep_files`` the validated files stay: the next attempt only posts them.
        """
        kept = {"files": self.files, "batches_done": self.batches_done} if keep_files else {}
        return {"attempt": self.attempt + 1, "next_attempt_at": at, "lease_owner": None,
                "lease_expires_at": None, "progress": None, "files": [], "batches_done": 0,
                **kept}  # fmt: skip
