"""``bossbot run``: start the bot with settings from the environment."""

from __future__ import annotations

import argparse

from bossbot.discord.actions import ACTIONS
from bossbot.discord.serve import run_bot
from bossbot.logs import setup_logging
from bossbot.settings import load_settings
from bossbot.spec import load_spec


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``run`` verb."""
    parser = subparsers.add_parser("run", help="start the bot (token from the environment)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Load settings and spec, then run the bot until it is stopped."""
    settings = load_settings()
    token = settings.require_token()
    setup_logging(settings.log_level, secrets=[token], log_dir=settings.log_dir)
    spec = load_spec(settings.commands_file, ACTIONS)
    return run_bot(settings, spec)
