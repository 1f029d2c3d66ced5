"""``bossbot worker``: claim and run jobs from the shared store, without a gateway."""

from __future__ import annotations

import argparse

from bossbot.discord.actions import ACTIONS
from bossbot.logs import setup_logging
from bossbot.roles.worker import run_worker
from bossbot.settings import load_settings
from bossbot.spec import load_spec


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``worker`` verb."""
    subparsers.add_parser(
        "worker", help="run jobs (download, fit, upload, status edits over REST); no gateway"
    ).set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Load settings and spec, then run jobs until stopped (SIGINT/SIGTERM)."""
    settings = load_settings()
    token = settings.require_token()
    setup_logging(settings.log_level, secrets=[token], log_dir=settings.log_dir)
    return run_worker(settings, load_spec(settings.commands_file, ACTIONS))
