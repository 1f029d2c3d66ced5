"""Connecting to PostgreSQL and applying the migrations; ``schema_version`` records how many.

Every process may start at once: an advisory lock held for each migration's transaction
lets one apply it while the others wait and then find it applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

import psycopg
from psycopg.rows import dict_row

from bossbot.jobs.postgres.migrations import MIGRATIONS
from bossbot.jobs.store import SchemaError, StoreError

LOCK = 0x626F_7373_626F_7401
"""The advisory lock key of schema changes (any number no other program uses)."""
TIMEOUT = 10
"""Seconds to wait for the server to accept a connection."""


def where(url: str) -> str:
    """``host:port/database`` of ``url``: how errors name the server, without credentials."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path or '/'}"


def unusable(url: str, exc: Exception) -> StoreError:
    """The one-line error for a server that cannot be reached or refuses us."""
    reason = " ".join(line.strip() for line in str(exc).splitlines()) or type(exc).__name__
    return StoreError(f"BOSSBOT_DATABASE_URL ({where(url)}) is unusable: {reason}")


async def connect(url: str, **options: object) -> psycopg.AsyncConnection:
    """A connection in autocommit mode with rows as dicts; StoreError when unusable."""
    try:
        return await psycopg.AsyncConnection.connect(
            url, autocommit=True, row_factory=dict_row, connect_timeout=TIMEOUT, **options
        )
    except (psycopg.Error, ValueError) as exc:
        raise unusable(url, exc) from None


def read_version(url: str) -> int:
    """The schema version of the database at ``url``, read without changing it."""
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=TIMEOUT) as conn:
            made = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
            row = conn.execute("SELECT version FROM schema_version").fetchone() if made[0] else 0
            return int(row[0]) if row else 0
    except (psycopg.Error, ValueError) as exc:
        raise unusable(url, exc) from None


async def version(conn: psycopg.AsyncConnection) -> int:
    """The schema version recorded in the database (0 for an empty database)."""
    cursor = await conn.execute("SELECT to_regclass('schema_version') IS NOT NULL AS made")
    if not (await cursor.fetchone())["made"]:
        return 0
    row = await (await conn.execute("SELECT version FROM schema_version")).fetchone()
    return int(row["version"]) if row else 0


async def migrate(conn: psycopg.AsyncConnection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Apply the migrations the database lacks, each in its own transaction.

    Returns:
        The version after migrating.

    Raises:
        SchemaError: The database is newer than the migrations known here.
    """
    while True:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            current = await version(conn)
            if current > len(migrations):
                raise SchemaError.newer(current, len(migrations))
            if current == len(migrations):
                return current
            if current == 0:
                await conn.execute("CREATE TABLE schema_version (version integer NOT NULL)")
                await conn.execute("INSERT INTO schema_version VALUES (0)")
            await conn.execute(migrations[current].encode())
            await conn.execute("UPDATE schema_version SET version = %s", (current + 1,))
