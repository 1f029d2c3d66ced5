"""What each server changed for itself (``/settings``), over the defaults of the spec."""

from bossbot.guilds.cache import GuildSettings
from bossbot.guilds.changes import BadSetting, Change, parse_change
from bossbot.guilds.effective import ChannelSettings, effective

__all__ = ["BadSetting", "Change", "ChannelSettings", "GuildSettings", "effective", "parse_change"]
