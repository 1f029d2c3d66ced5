"""The job record, the request that creates one, and the events listeners receive."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from bossbot.errors import BossError
from bossbot.fetch.base import Progress

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
"""Crockford's base32, lower case: no i, l, o or u, so ids are easy to read and type."""


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
        requester_id: Discord user id (0 on the command line), with ``requester_name``
            and ``requester_roles`` (Discord role names).
        role: The bot role resolved from them (``spec.roles`` key); ``priority`` is its
            priority (higher runs first).
        guild_id: Where the request came from; ``channel_id`` is where to deliver,
            ``source_message_id`` the prefix command's message, ``interaction_id`` and
            ``interaction_token`` (secret) a slash command's, valid until
            ``token_expires_at`` (epoch seconds); ``status_message_id`` the message the
            frontend edits with progress.
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


@dataclass(slots=True, kw_only=True)
class Job(Requested):
    """One persisted job row; ``state`` is driven by :class:`~bossbot.jobs.JobMachine`."""

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

    def attempts_left(self) -> bool:
        """True when a retry is allowed after the current attempt (the machine's guard)."""
        return self.attempt < self.max_attempts


@dataclass(frozen=True, slots=True)
class JobEvent:
    """What happened to a job, for listeners (status messages, the terminal).

    Attributes:
        name: ``queued``, ``start``, ``progress``, ``fetched``, ``validated``,
            ``delivered``, ``retry``, ``fail``, ``cancel`` or ``recover``.
        progress: The progress snapshot (``progress`` events).
        error: The error that caused ``retry`` or ``fail``.
        position: Place in the queue (``queued`` and ``retry`` events), 1 = next.
        retry_in: Seconds until the next attempt (``retry`` events).
    """

    name: str
    progress: Progress | None = None
    error: BossError | None = None
    position: int | None = None
    retry_in: float | None = None
