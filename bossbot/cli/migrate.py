"""``bossbot migrate``: bring the job database's schema up to date, then exit.

Every process also migrates at start; run this first when several processes share one
PostgreSQL database, so an upgrade happens once, while you watch.
"""

from __future__ import annotations

import argparse
import asyncio

from bossbot.cli.common import open_store, quiet_logs
from bossbot.jobs.schemas import describe, schema_version
from bossbot.settings import Settings, load_settings


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``migrate`` verb."""
    subparsers.add_parser(
        "migrate", help="apply the job database's schema migrations (SQLite or PostgreSQL)"
    ).set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Migrate and print the version before and after; 2 when the database is unusable."""
    settings = load_settings()
    quiet_logs(settings)
    before, after = asyncio.run(_migrate(settings))
    done = "already current" if before == after else f"migrated from version {before}"
    print(f"{describe(settings)}: schema version {after} ({done})")
    return 0


async def _migrate(settings: Settings) -> tuple[int, int]:
    before = schema_version(settings)
    store = open_store(settings)
    try:
        await store.connect()
    finally:
        await store.close()
    return before, schema_version(settings)
