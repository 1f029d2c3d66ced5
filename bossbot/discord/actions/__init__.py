"""Built-in actions. Import ``ACTIONS`` from here: importing fills the registry."""

from bossbot.discord.actions import cancel, download, health, help, queue, settings
from bossbot.discord.registry import ACTIONS

__all__ = ["ACTIONS", "cancel", "download", "health", "help", "queue", "settings"]
