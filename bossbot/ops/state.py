"""Doctor checks of what the bot reads at start: commands file, database, metrics address."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from pathlib import Path

from bossbot.jobs.sqlite import FILENAME, MIGRATIONS, file_version
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
    if current > latest:
        fix = "upgrade boss-bot, or restore a backup made before the last upgrade"
        return Check(FAIL, "database", f"schema version {current} is newer than {latest}: {fix}")
    if current < latest:
        fix = "back up the data dir before the next start"
        return Check(
            WARN, "database", f"schema version {current} will be upgraded to {latest}: {fix}"
        )
    return Check(OK, "database", f"schema version {current} (current)")


def check_metrics(addr: str) -> Check:
    """Where the optional HTTP endpoint will listen, or how to turn it on."""
    if not addr:
        hint = "set BOSSBOT_METRICS_ADDR=127.0.0.1:9100 to serve /healthz and /metrics"
        return Check(OK, "metrics", f"off ({hint})")
    return Check(OK, "metrics", f"/healthz and /metrics on {addr} while the bot runs")
