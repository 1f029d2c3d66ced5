"""``python -m bossbot.egress --allow POLICY``: run the guard (the bot starts it)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from loguru import logger

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.control import serve


def main() -> None:
    """Parse the arguments, set up logging on stderr, serve until stdin closes."""
    parser = argparse.ArgumentParser(prog="python -m bossbot.egress")
    parser.add_argument("--allow", default="false", help="BOSSBOT_ALLOW_PRIVATE_URLS value")
    parser.add_argument("--upstream", default="", help="BOSSBOT_EGRESS_PROXY value")
    parser.add_argument("--log-level", default="WARNING")
    args = parser.parse_args()
    logger.remove()
    logger.add(sys.stderr, level=args.log_level, format="{time:HH:mm:ss} guard {message}")
    asyncio.run(serve(AddressPolicy.parse(args.allow), upstream=args.upstream))


if __name__ == "__main__":
    main()
