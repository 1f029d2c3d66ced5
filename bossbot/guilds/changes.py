"""A change a member asks for (``/settings auto on``), checked against what the spec allows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bossbot.jobs.guild_settings import SERVER
from bossbot.spec import Spec

SWITCH = {"on": True, "off": False, "yes": True, "no": False, "true": True, "false": False}
DEFAULT = "default"
PER_CHANNEL = ("auto", "sites")


class BadSetting(ValueError):
    """A change that cannot be made; ``reason`` names why, ``data`` what the text needs."""

    def __init__(self, reason: str, **data: Any) -> None:
        """Keep the reason (``unknown``, ``locked``, ``switch``, ``sites``, ``seconds``)."""
        super().__init__(reason)
        self.reason, self.data = reason, data


@dataclass(frozen=True, slots=True)
class Change:
    """One setting to store: where, what, and the value (None: back to the default)."""

    name: str
    channel_id: int
    value: Any = field(default=None)


def _value(spec: Spec, name: str, words: list[str]) -> Any:
    """The value ``words`` give setting ``name``, or BadSetting."""
    if words == [DEFAULT]:
        return None
    if name in ("auto", "embeds"):
        if len(words) != 1 or words[0] not in SWITCH:
            raise BadSetting("switch", setting=name)
        if name == "auto" and SWITCH[words[0]] and not spec.auto.servers_may_enable:
            raise BadSetting("locked", setting=name)
        return SWITCH[words[0]]
    if name == "sites":
        names = " ".join(words).replace(",", " ").split()
        unknown = [word for word in names if word not in spec.auto.choosable]
        if unknown or not names:
            raise BadSetting("sites", unknown=unknown, choosable=spec.auto.choosable)
        return list(dict.fromkeys(names))
    bounds = spec.server_settings
    try:
        seconds = int(words[0]) if len(words) == 1 else -1
    except ValueError:
        seconds = -1
    if not bounds.buttons_min <= seconds <= bounds.buttons_max:
        raise BadSetting("seconds", low=bounds.buttons_min, high=bounds.buttons_max)
    return seconds


def parse_change(spec: Spec, name: str, words: list[str], channel_id: int) -> Change:
    """The change ``name words...`` asks for in ``channel_id``.

    Raises:
        BadSetting: An unknown setting, one servers may not change, or a bad value.
    """
    if name not in ("auto", "sites", "embeds", "buttons"):
        raise BadSetting("unknown", setting=name)
    if name not in spec.server_settings.may_change:
        raise BadSetting("locked", setting=name)
    value = _value(spec, name, [word.casefold() for word in words])
    return Change(name, channel_id if name in PER_CHANNEL else SERVER, value)
