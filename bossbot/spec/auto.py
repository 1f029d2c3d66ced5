"""The ``[auto]`` and ``[server_settings]`` tables: links that answer themselves.

And what a server may change for itself with ``/settings``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from bossbot.spec.strict import Strict, not_below

Setting = Literal["auto", "sites", "embeds", "buttons"]


class Auto(Strict):
    """Auto-detection: links posted without a command, in channels where it was turned on.

    Off everywhere until a member with Manage Server turns it on in a channel.

    Attributes:
        servers_may_enable: False: it stays off everywhere, ``/settings`` cannot turn it on.
        choosable: The site groups a server may choose for a channel.
        sites: The site groups it covers in a channel that chose none (among ``choosable``).
        max_links: Links of one message it takes; the others are left alone.
        status: ``reaction``: ⏳ on the member's message, then ✅ (a failure gets a short
            reply); ``message``: the full status message, as ``$dl`` has.
        slow_after: Seconds after which a job still running gets a short status message.
    """

    servers_may_enable: bool = True
    choosable: list[str] = ["twitter", "reddit", "instagram", "tiktok", "youtube"]
    sites: list[str] = ["twitter", "reddit", "instagram", "tiktok"]
    max_links: int = Field(3, ge=1, le=10)
    status: Literal["reaction", "message"] = "reaction"
    slow_after: float = Field(20.0, ge=1.0, le=3600.0)


class ServerSettings(Strict):
    """What members with Manage Server may change for their server (``/settings``).

    The defaults stay in the file (``[auto]``, ``[results]``); what a server changed lives
    in the job store's database.

    Attributes:
        may_change: The settings servers may change: ``auto`` (on or off per channel),
            ``sites`` (its site groups per channel), ``embeds`` (hide the link preview of
            the member's message) and ``buttons`` (how long Delete and Retry stay).
        buttons_min: Shortest time (seconds) a server may give the buttons.
        buttons_max: Longest time (seconds) a server may give the buttons.
    """

    may_change: list[Setting] = ["auto", "sites", "embeds", "buttons"]
    buttons_min: float = Field(60.0, ge=1.0, le=7 * 86_400.0)
    buttons_max: float = Field(86_400.0, ge=1.0, le=7 * 86_400.0)

    @field_validator("buttons_max")
    @classmethod
    def _bounds_in_order(cls, value: float, info: ValidationInfo) -> float:
        """``buttons_max`` may not be below ``buttons_min``."""
        return float(not_below(value, info, "buttons_min"))
