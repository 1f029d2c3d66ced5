"""The job record and the request that creates one."""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass, field
from typing import Any

from bossbot.fetch.base import Progress
from bossbot.jobs.request import Requested

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base32: no i, l, o or u


def new_job_id(length: int = 6) -> str:
    """A short random job id such as ``k3v9qa``."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


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

    ``files`` are the fetched, then validated files; ``info`` what the extractor said of
    the media (title, uploader, duration, page, text, tool) and ``notes`` what fitting did
    to each file (shown in the caption). ``upload_tries`` counts deliveries
    started (each committed first): a later one first asks the delivery which batches the
    user already has; ``batches_done`` counts batches posted and recorded. ``untold``: the
    job ended but its status message does not show it yet (another process shows it when
    the one that ended it died first).
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
    info: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    untold: bool = False

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
