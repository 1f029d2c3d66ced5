"""The shared job store on PostgreSQL, in three layers like the SQLite one.

``PostgresReader`` (what frontends show) < ``PostgresWriter`` (a job's record) <
``PostgresStore`` (the queue: admission, claiming with SKIP LOCKED, notices, pruning).
"""

from bossbot.jobs.postgres.migrations import MIGRATIONS
from bossbot.jobs.postgres.schema import connect, migrate, version, where
from bossbot.jobs.postgres.store import PostgresStore

__all__ = ["MIGRATIONS", "PostgresStore", "connect", "migrate", "version", "where"]
