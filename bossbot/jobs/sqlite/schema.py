"""Applying the migrations; ``PRAGMA user_version`` records how many were applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from bossbot.jobs.sqlite.migrations import MIGRATIONS
from bossbot.jobs.store import SchemaError


def version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database file."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def file_version(path: Path) -> int:
    """The schema version of the database file at ``path``, read without changing it.

    Raises:
        sqlite3.Error: The file cannot be read as a database.
    """
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        current = version(conn)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    return current


def statements(script: str) -> Iterator[str]:
    """The complete SQL statements of ``script`` (a trigger's body stays in one piece)."""
    pending = ""
    for piece in script.split(";"):
        pending += f"{piece};"
        if sqlite3.complete_statement(pending):
            if pending.strip("; \n"):
                yield pending.strip()
            pending = ""


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
                raise SchemaError.newer(current, len(migrations))
            if current == len(migrations):
                conn.execute("COMMIT")
                return current
            for statement in statements(migrations[current]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {current + 1:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
