"""The embedded job store on SQLite, in three layers, each usable alone.

``SqliteReader`` (what frontends show) < ``SqliteWriter`` (a job's record: transitions,
updates, leases) < ``SqliteStore`` (the queue: admission, claiming, pruning).
"""

from bossbot.jobs.sqlite.migrations import MIGRATIONS
from bossbot.jobs.sqlite.reader import SqliteReader
from bossbot.jobs.sqlite.schema import SchemaError, file_version, migrate, version
from bossbot.jobs.sqlite.store import FILENAME, SqliteStore

__all__ = [
    "FILENAME",
    "MIGRATIONS",
    "SchemaError",
    "SqliteReader",
    "SqliteStore",
    "file_version",
    "migrate",
    "version",
]
