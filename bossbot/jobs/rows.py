"""Job <-> database row, the same for every backend; and what a transition writes.

Lists, the extractor's info and progress are JSON text, flags 0/1, the rest plain columns.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Collection, Mapping
from typing import Any

from bossbot.fetch.base import Progress
from bossbot.jobs.machine import FINAL
from bossbot.jobs.model import Job
from bossbot.jobs.transitions import send

COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Job))
_JSON_LISTS = ("requester_roles", "files", "notes")
_FLAGS = ("spoiler", "audio", "fresh", "untold")  # integers 0/1 in both databases


def encode(name: str, value: Any) -> Any:
    """The column value of field ``name``.

    Raises:
        KeyError: ``name`` is not a job column (keeps SQL built from names safe).
    """
    if name not in COLUMNS:
        raise KeyError(f"not a job column: {name}")
    if name in _JSON_LISTS:
        return json.dumps(list(value))
    if name in _FLAGS:
        return int(bool(value))
    if name == "info":
        return None if value is None else json.dumps(dict(value))
    if name == "progress":
        return None if value is None else json.dumps(dataclasses.asdict(value))
    return value


def to_row(job: Job) -> dict[str, Any]:
    """Every column of ``job``, encoded."""
    return {name: encode(name, getattr(job, name)) for name in COLUMNS}


def from_row(row: Mapping[str, Any]) -> Job:
    """The job stored in ``row`` (extra columns, such as a sequence number, are ignored)."""
    values = {name: row[name] for name in COLUMNS}
    for name in _JSON_LISTS:
        values[name] = json.loads(values[name])
    for name in _FLAGS:
        values[name] = bool(values[name])
    if values["info"] is not None:
        values["info"] = json.loads(values["info"])
    if values["progress"] is not None:
        values["progress"] = Progress(**json.loads(values["progress"]))
    return Job(**values)


def advance(job: Job, event: str, now: float, **changes: Any) -> Job:
    """Send ``event`` to ``job`` and set ``changes`` in place: the row a transition writes.

    A final state also stamps ``finished_at``, drops the lease and the interaction token,
    and marks the end ``untold`` while a status message has yet to show it.

    Raises:
        TransitionNotAllowed: The event is not allowed from the job's state.
        KeyError: A change names no job column.
    """
    send(job, event)
    for name, value in {**changes, "updated_at": now}.items():
        encode(name, value)
        setattr(job, name, value)
    if job.state in FINAL:
        job.finished_at, job.lease_owner, job.lease_expires_at = now, None, None
        job.untold = bool(job.status_message_id or job.interaction_token)
        job.interaction_token = job.token_expires_at = None
    return job


def sql_states(values: Collection[str]) -> str:
    """A literal SQL list of known state names (never user text)."""
    return "(" + ", ".join(f"'{value}'" for value in sorted(values)) + ")"
