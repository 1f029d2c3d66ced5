"""The settings in force in one channel: the spec's defaults, then what the server changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bossbot.jobs.guild_settings import SERVER, StoredSetting
from bossbot.spec import Spec


@dataclass(frozen=True, slots=True)
class ChannelSettings:
    """What holds in one channel.

    Attributes:
        auto: Links posted without a command are downloaded.
        sites: The site groups auto-detection covers there.
        embeds: The link preview of the member's message is hidden once its files are posted.
        buttons_for: Seconds the Delete and Retry buttons stay on the posts.
        changed: The settings the server changed (the others are the spec's defaults).
    """

    auto: bool
    sites: tuple[str, ...]
    embeds: bool
    buttons_for: float
    changed: frozenset[str] = frozenset()


def effective(spec: Spec, stored: Iterable[StoredSetting], channel_id: int) -> ChannelSettings:
    """The settings of ``channel_id``, from its server's stored settings.

    A stored value the spec no longer allows (a setting servers may not change any more, a
    site group no longer choosable, a time out of bounds) gives way to the default.
    """
    mine = {s.name: s.value for s in stored if s.channel_id in (SERVER, channel_id)
            and (s.channel_id == channel_id) == (s.name in ("auto", "sites"))}  # fmt: skip
    allowed = set(spec.server_settings.may_change)
    mine = {name: value for name, value in mine.items() if name in allowed}
    auto = bool(mine.get("auto", False)) and spec.auto.servers_may_enable
    chosen = mine.get("sites")
    sites = [s for s in chosen if s in spec.auto.choosable] if isinstance(chosen, list) else []
    bounds = spec.server_settings
    buttons = mine.get("buttons")
    if (
        not isinstance(buttons, int | float)
        or not bounds.buttons_min <= buttons <= bounds.buttons_max
    ):
        buttons = spec.results.buttons_for
        mine.pop("buttons", None)
    embeds = mine.get("embeds")
    return ChannelSettings(
        auto=auto,
        sites=tuple(sites or spec.auto.sites),
        embeds=embeds if isinstance(embeds, bool) else spec.results.suppress_embeds,
        buttons_for=float(buttons),
        changed=frozenset(mine),
    )
