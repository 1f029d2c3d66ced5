"""``bossbot doctor [--live]``: check the set-up, one line per check with what to do."""

from __future__ import annotations

import argparse

from bossbot.cli.common import quiet_logs
from bossbot.settings import load_settings


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``doctor`` verb."""
    parser = subparsers.add_parser(
        "doctor", help="check token, data dir, tools, commands file and database"
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="with BOSSBOT_METRICS_ADDR set, only ask the running bot's /healthz "
        "(for container health checks)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when nothing failed, 1 otherwise (2 for unreadable settings, via main)."""
    settings = load_settings()
    if args.live and settings.metrics_addr:
        from bossbot.ops.probe import healthz_url, probe

        if probe(settings.metrics_addr):
            print("ok")
            return 0
        print(f"bot not healthy: {healthz_url(settings.metrics_addr)} did not answer 200")
        return 1
    from bossbot.discord.actions import ACTIONS  # lazily: hikari is slow to import
    from bossbot.ops.doctor import diagnose, failed, report

    quiet_logs(settings)
    checks = diagnose(settings, ACTIONS)
    print(report(checks))
    return 1 if failed(checks) else 0
