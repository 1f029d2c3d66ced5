"""Choosing the job store the settings name: PostgreSQL when a URL is set, else SQLite."""

from __future__ import annotations

from typing import Protocol

from bossbot.jobs.clock import Clock
from bossbot.jobs.guild_settings import GuildSettingsStore
from bossbot.jobs.sqlite import SqliteStore
from bossbot.jobs.store import JobStore
from bossbot.settings import Settings


class Store(JobStore, GuildSettingsStore, Protocol):
    """What both stores are: the jobs, and the settings servers changed."""


def open_store(settings: Settings, clock: Clock | None = None) -> Store:
    """The shared PostgreSQL store of ``BOSSBOT_DATABASE_URL``, or the embedded SQLite one.

    SQLite (``jobs.sqlite3`` under the data dir) is created and migrated here; PostgreSQL
    connects and migrates at ``await store.connect()``, which callers make before use.

    Raises:
        OSError, sqlite3.Error, SchemaError: The data dir or database is unusable.
    """
    if settings.database_url:
        from bossbot.jobs.postgres import PostgresStore  # lazily: psycopg only when used

        return PostgresStore(settings.database_url, clock, pool_size=settings.database_pool_size)
    return SqliteStore.in_dir(settings.data_dir, clock)
