"""Job <-> SQLite row: JSON for lists and progress, plain columns for the rest."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Collection
from typing import Any

from bossbot.fetch.base import Progress
from bossbot.jobs.model import Job

COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Job))
_JSON_LISTS = ("requester_roles", "files")


def encode(name: str, value: Any) -> Any:
    """The column value of field ``name``.

    Raises:
        KeyError: ``name`` is not a job column (keeps SQL built from names safe).
    """
    if name not in COLUMNS:
        raise KeyError(f"not a job column: {name}")
    if name in _JSON_LISTS:
        return json.dumps(list(value))
    if name == "progress":
        return None if value is None else json.dumps(dataclasses.asdict(value))
    return value


def to_row(job: Job) -> dict[str, Any]:
    """Every column of ``job``, encoded."""
    return {name: encode(name, getattr(job, name)) for name in COLUMNS}


def from_row(row: sqlite3.Row) -> Job:
    """The job stored in ``row``."""
    values = {name: row[name] for name in COLUMNS}
    for name in _JSON_LISTS:
        values[name] = json.loads(values[name])
    if values["progress"] is not None:
        values["progress"] = Progress(**json.loads(values["progress"]))
    return Job(**values)


def sql_states(values: Collection[str]) -> str:
    """A literal SQL list of known state names (never user text)."""
    return "(" + ", ".join(f"'{value}'" for value in sorted(values)) + ")"
