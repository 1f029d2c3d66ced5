"""Built-in actions. Import ``ACTIONS`` from here: importing fills the registry."""

from bossbot.discord.actions import health, help
from bossbot.discord.registry import ACTIONS

__all__ = ["ACTIONS", "health", "help"]
