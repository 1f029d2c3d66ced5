"""Opening the job store the settings name."""

from __future__ import annotations

from bossbot.jobs.clock import Clock
from bossbot.jobs.sqlite import SqliteStore
from bossbot.jobs.store import JobStore
from bossbot.settings import Settings


def open_store(settings: Settings, clock: Clock | None = None) -> JobStore:
    """The embedded SQLite store under ``settings.data_dir`` (created and migrated).

    Raises:
        OSError, sqlite3.Error, SchemaError: The data dir or database is unusable.
    """
    return SqliteStore.in_dir(settings.data_dir, clock)
