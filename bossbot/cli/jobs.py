"""``bossbot jobs [--limit N] [--diagram]``: recent jobs, or the job state machine."""

from __future__ import annotations

import argparse
import asyncio
import time

from bossbot.cli.common import open_store
from bossbot.jobs import FILENAME, Job, diagram
from bossbot.messages.joblist import jobs_table
from bossbot.settings import Settings, load_settings


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``jobs`` verb."""
    parser = subparsers.add_parser("jobs", help="list recent jobs, or draw the job machine")
    parser.add_argument("--limit", type=int, default=20, help="how many jobs (default: 20)")
    parser.add_argument(
        "--diagram", action="store_true", help="print the job state machine (mermaid)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the diagram, or the most recent jobs of the data dir."""
    if args.diagram:
        print(diagram(), end="")
        return 0
    settings = load_settings()
    if not settings.database_url and not (settings.data_dir / FILENAME).is_file():
        print(jobs_table([], time.time()))
        return 0
    print(jobs_table(asyncio.run(_recent(settings, args.limit)), time.time()))
    return 0


async def _recent(settings: Settings, limit: int) -> list[Job]:
    """The ``limit`` most recent jobs of the data dir's store."""
    store = open_store(settings)
    try:
        await store.connect()
        return await store.recent(limit)
    finally:
        await store.close()
