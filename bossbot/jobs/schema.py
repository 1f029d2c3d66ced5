"""The jobs table and its migrations; ``PRAGMA user_version`` records the applied count."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

V1 = """
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL DEFAULT 'bot',
    url TEXT NOT NULL,
    command TEXT NOT NULL DEFAULT '',
    site TEXT NOT NULL DEFAULT '',
    requester_id INTEGER NOT NULL DEFAULT 0,
    requester_name TEXT NOT NULL DEFAULT '',
    requester_roles TEXT NOT NULL DEFAULT '[]',
    role TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 0,
    guild_id INTEGER,
    channel_id INTEGER,
    source_message_id INTEGER,
    interaction_id INTEGER,
    interaction_token TEXT,
    token_expires_at REAL,
    status_message_id INTEGER,
    state TEXT NOT NULL DEFAULT 'queued',
    attempt INTEGER NOT NULL DEFAULT 1,
    max_attempts INTEGER NOT NULL DEFAULT 3,
    progress TEXT,
    error_kind TEXT,
    error_text TEXT,
    files TEXT NOT NULL DEFAULT '[]',
    cap INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    next_attempt_at REAL NOT NULL,
    lease_owner TEXT,
    lease_expires_at REAL,
    upload_nonce TEXT NOT NULL
);
CREATE INDEX jobs_queue ON jobs (state, origin, priority DESC, created_at);
CREATE INDEX jobs_requester ON jobs (requester_id, state);
CREATE INDEX jobs_guild ON jobs (guild_id, state);
CREATE INDEX jobs_created ON jobs (created_at);
"""

MIGRATIONS: tuple[str, ...] = (V1,)
"""Migration ``n`` (0-based) takes a database from version ``n`` to ``n + 1``. Append only."""


class SchemaError(Exception):
    """The database was written by a newer boss-bot than this one."""


def version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database file."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Apply the migrations the database lacks, each in its own transaction.

    The version is read again inside each transaction, so two processes opening a new
    file at once do not both apply a migration.

    Returns:
        The version after migrating.

    Raises:
        SchemaError: The file is newer than the migrations known here.
    """
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = version(conn)
            if current > len(migrations):
                raise SchemaError(
                    f"jobs database is at schema version {current}, this boss-bot knows "
                    f"{len(migrations)}: upgrade boss-bot"
                )
            if current == len(migrations):
                conn.execute("COMMIT")
                return current
            for statement in migrations[current].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {current + 1:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
