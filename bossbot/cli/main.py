"""``bossbot VERB ...``: the parser is built from the verb modules listed in VERBS."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from bossbot.cli import check, doctor, fetch, jobs, migrate, run, worker
from bossbot.jobs.store import StoreError
from bossbot.messages.check import spec_errors
from bossbot.settings import SettingsError
from bossbot.spec import SpecError

VERBS: list[ModuleType] = [run, worker, migrate, check, fetch, jobs, doctor]
"""Each module has ``add_parser(subparsers)``, which sets ``handler(args) -> int``."""


def build_parser(verbs: Sequence[ModuleType] = VERBS) -> argparse.ArgumentParser:
    """The argument parser with one subcommand per verb module."""
    parser = argparse.ArgumentParser(
        prog="bossbot", description="boss-bot: a Discord bot that downloads media."
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for verb in verbs:
        verb.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one verb and return the process exit code.

    Exit codes: 0 success; 1 a failed job or an invalid commands file; 2 a missing or
    bad setting, or a job database that cannot be used (one line on stderr, never a
    traceback).
    """
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except (SettingsError, StoreError) as exc:
        print(f"bossbot: {exc}", file=sys.stderr)
        return 2
    except SpecError as exc:
        print(spec_errors(exc.problems), file=sys.stderr)
        return 1
