"""``bossbot check [FILE]``: validate a commands file and print what it compiles to."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bossbot.discord.actions import ACTIONS
from bossbot.messages.check import command_table, spec_errors
from bossbot.settings import load_settings
from bossbot.spec import SpecError, load_spec


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``check`` verb."""
    parser = subparsers.add_parser("check", help="validate commands.toml and show the commands")
    parser.add_argument("file", nargs="?", type=Path, help="default: BOSSBOT_COMMANDS_FILE")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the command table and return 0, or print every error and return 1."""
    path = args.file or load_settings().commands_file
    try:
        spec = load_spec(path, ACTIONS)
    except SpecError as exc:
        print(spec_errors(exc.problems), file=sys.stderr)
        return 1
    print(command_table(spec, path))
    return 0
