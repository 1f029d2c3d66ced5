"""The schema of the job database the settings name, read without changing it.

For ``bossbot migrate`` and ``bossbot doctor``: which database (SQLite file or PostgreSQL
server), at which schema version, and the version this build migrates to.
"""

from __future__ import annotations

import sqlite3

from bossbot.jobs.sqlite import FILENAME, file_version
from bossbot.jobs.sqlite import MIGRATIONS as SQLITE
from bossbot.jobs.store import StoreError
from bossbot.settings import Settings


def describe(settings: Settings) -> str:
    """``PostgreSQL host:port/db`` or ``SQLite /path/jobs.sqlite3`` (never a password)."""
    if settings.database_url:
        from bossbot.jobs.postgres import where

        return f"PostgreSQL {where(settings.database_url)}"
    return f"SQLite {(settings.data_dir / FILENAME).absolute()}"


def latest(settings: Settings) -> int:
    """The schema version this build migrates the database to."""
    if settings.database_url:
        from bossbot.jobs.postgres import MIGRATIONS

        return len(MIGRATIONS)
    return len(SQLITE)


def schema_version(settings: Settings) -> int:
    """The database's schema version; 0 when it does not exist yet (or is empty).

    Raises:
        StoreError: The server cannot be reached, or the file cannot be read.
    """
    if settings.database_url:
        from bossbot.jobs.postgres.schema import read_version

        return read_version(settings.database_url)
    path = settings.data_dir / FILENAME
    try:
        return file_version(path) if path.exists() else 0
    except sqlite3.Error as exc:
        raise StoreError(f"{path.absolute()} cannot be read ({exc})") from None
