"""``bossbot run [--no-workers] [--shards 0-3 --shard-count 8]``: start the bot."""

from __future__ import annotations

import argparse

from bossbot.discord.actions import ACTIONS
from bossbot.discord.serve import run_bot
from bossbot.logs import setup_logging
from bossbot.roles import gateway
from bossbot.settings import load_settings
from bossbot.spec import load_spec


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``run`` verb."""
    parser = subparsers.add_parser("run", help="start the bot (token from the environment)")
    parser.add_argument(
        "--no-workers", action="store_true",
        help="gateway only: commands, buttons and queue; `bossbot worker` processes run the jobs",
    )  # fmt: skip
    parser.add_argument("--shards", help="the shard ids this process runs, e.g. 0-3 or 0,2")
    parser.add_argument("--shard-count", type=int, help="the total number of shards")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Load settings and spec, then run the bot until it is stopped."""
    settings = load_settings()
    token = settings.require_token()
    role = gateway(args.shards, args.shard_count, workers=not args.no_workers)
    setup_logging(settings.log_level, secrets=[token], log_dir=settings.log_dir)
    spec = load_spec(settings.commands_file, ACTIONS)
    return run_bot(settings, spec, role)
