"""The ``bossbot`` command: one module per verb, each with ``add_parser`` and a handler."""

from bossbot.cli.main import main

__all__ = ["main"]
