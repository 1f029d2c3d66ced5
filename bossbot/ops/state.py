"""Doctor checks of what the bot reads at start: commands file, database, metrics address.

The database is SQLite's file under the data dir, or the PostgreSQL server of
``BOSSBOT_DATABASE_URL``: reachable, and at a schema version this build knows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from pathlib import Path

from bossbot.jobs.sqlite import FILENAME, MIGRATIONS, file_version
from bossbot.jobs.store import StoreError
from bossbot.ops.checks import FAIL, OK, WARN, Check
from bossbot.spec import SpecError, load_spec


def check_commands(path: Path, actions: Collection[str]) -> Check:
    """The commands file loads and validates, as ``bossbot run`` would load it."""
    try:
        spec = load_spec(path, actions)
    except SpecError as exc:
        count = len(exc.problems)
        first = exc.problems[0] if exc.problems else str(exc)
        noun = "error" if count == 1 else "errors"
        return Check(
            FAIL, "commands", f"{count} {noun}, first: {first} (`bossbot check` lists all)"
        )
    return Check(OK, "commands", f"{path}: {len(spec.commands)} commands, {len(spec.roles)} roles")


def check_database(data_dir: Path, latest: int = len(MIGRATIONS)) -> Check:
    """The job database is absent (created at start) or at a schema this version knows."""
    path = (data_dir / FILENAME).absolute()
    if not path.exists():
        return Check(OK, "database", f"{path} does not exist yet: it will be created at start")
    try:
        current = file_version(path)
    except sqlite3.Error as exc:
        fix = "restore it from a backup, or move it away to start afresh"
        return Check(FAIL, "database", f"{path} cannot be read ({exc}): {fix}")
    return _schema(current, latest, "", "back up the data dir before the next start")


def check_postgres(url: str, latest: int | None = None) -> Check:
    """The shared PostgreSQL database answers, at a schema this version knows."""
    from bossbot.jobs.postgres import MIGRATIONS, where
    from bossbot.jobs.postgres.schema import read_version

    latest = len(MIGRATIONS) if latest is None else latest
    try:
        current = read_version(url)
    except StoreError as exc:
        return Check(FAIL, "database", f"{exc}: check the server, the URL and the password")
    if current == 0:
        text = f"PostgreSQL {where(url)} is empty: `bossbot migrate` (or the first start) makes it"
        return Check(OK, "database", text)
    fix = "back it up (pg_dump) and run `bossbot migrate` before starting the new version"
    return _schema(current, latest, f"PostgreSQL {where(url)}: ", fix)


def _schema(current: int, latest: int, where: str, backup: str) -> Check:
    """Compare the database's schema version with this build's."""
    if current > latest:
        fix = "upgrade boss-bot, or restore a backup made before the last upgrade"
        return Check(
            FAIL, "database", f"{where}schema version {current} is newer than {latest}: {fix}"
        )
    if current < latest:
        text = f"{where}schema version {current} will be upgraded to {latest}: {backup}"
        return Check(WARN, "database", text)
    return Check(OK, "database", f"{where}schema version {current} (current)")


def check_metrics(addr: str) -> Check:
    """Where the optional HTTP endpoint will listen, or how to turn it on."""
    if not addr:
        hint = "set BOSSBOT_METRICS_ADDR=127.0.0.1:9100 to serve /healthz and /metrics"
        return Check(OK, "metrics", f"off ({hint})")
    return Check(OK, "metrics", f"/healthz and /metrics on {addr} while the bot runs")
