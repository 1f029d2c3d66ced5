"""What holds in a channel: the spec's defaults, the server's changes, checked and cached."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bossbot.guilds import BadSetting, Change, GuildSettings, effective, parse_change
from bossbot.jobs.guild_settings import SERVER, StoredSetting
from tests.discord.conftest import SPEC

pytestmark = pytest.mark.timeout(30)
CHANNEL = 21


def test_nothing_changed_gives_the_files_defaults_and_auto_detection_off() -> None:
    view = effective(SPEC, [], CHANNEL)
    assert (view.auto, view.sites, view.changed) == (False, tuple(SPEC.auto.sites), frozenset())
    assert (view.embeds, view.buttons_for) == (SPEC.results.suppress_embeds, 900.0)


def test_a_channels_settings_hold_only_there_and_stale_values_give_way() -> None:
    stored = [
        StoredSetting(CHANNEL, "auto", True), StoredSetting(CHANNEL, "sites", ["reddit", "mars"]),
        StoredSetting(99, "auto", False), StoredSetting(SERVER, "buttons", 10**9),
        StoredSetting(SERVER, "embeds", False), StoredSetting(CHANNEL, "embeds", True),
    ]  # fmt: skip
    view = effective(SPEC, stored, CHANNEL)
    assert (view.auto, view.sites, view.embeds, view.buttons_for) == (True, ("reddit",), False, 900)
    assert view.changed == {"auto", "sites", "embeds"}
    assert not effective(SPEC, stored, 99).auto
    locked = SPEC.model_copy(
        update={"auto": SPEC.auto.model_copy(update={"servers_may_enable": False})}
    )
    assert not effective(locked, stored, CHANNEL).auto


@pytest.mark.parametrize(
    ("words", "change"),
    [
        (["auto", "on"], Change("auto", CHANNEL, True)),
        (["auto", "OFF"], Change("auto", CHANNEL, False)),
        (["sites", "twitter,reddit", "twitter"],
         Change("sites", CHANNEL, ["twitter", "reddit"])),
        (["embeds", "off"], Change("embeds", SERVER, False)),
        (["buttons", "600"], Change("buttons", SERVER, 600)),
        (["buttons", "default"], Change("buttons", SERVER, None)),
    ],
)  # fmt: skip
def test_changes_members_may_make(words: list[str], change: Change) -> None:
    assert parse_change(SPEC, words[0], words[1:], CHANNEL) == change


@pytest.mark.parametrize(
    ("words", "reason"),
    [(["colour", "red"], "unknown"), (["auto", "maybe"], "switch"), (["auto"], "switch"),
     (["sites", "mars"], "sites"), (["sites"], "sites"), (["buttons", "5"], "seconds"),
     (["buttons", "soon"], "seconds"), (["buttons", "99999999"], "seconds")],
)  # fmt: skip
def test_bad_changes_say_why(words: list[str], reason: str) -> None:
    with pytest.raises(BadSetting) as caught:
        parse_change(SPEC, words[0], words[1:], CHANNEL)
    assert caught.value.reason == reason


def test_settings_the_file_locks_cannot_be_changed() -> None:
    locked = SPEC.model_copy(update={
        "auto": SPEC.auto.model_copy(update={"servers_may_enable": False}),
        "server_settings": SPEC.server_settings.model_copy(update={"may_change": ["auto"]}),
    })  # fmt: skip
    for words in (["auto", "on"], ["embeds", "off"]):
        with pytest.raises(BadSetting, match="locked"):
            parse_change(locked, words[0], words[1:], CHANNEL)
    assert parse_change(locked, "auto", ["off"], CHANNEL).value is False


class CountingStore:
    """A GuildSettingsStore in memory that counts reads."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, int, str], Any] = {}
        self.reads = 0

    async def guild_settings(self, guild_id: int) -> list[StoredSetting]:
        self.reads += 1
        return [StoredSetting(c, n, v) for (g, c, n), v in self.rows.items() if g == guild_id]

    async def put_setting(self, guild_id: int, channel_id: int, name: str, value: Any, *, by: int):
        self.rows[guild_id, channel_id, name] = value


async def test_a_server_is_read_once_per_ttl_and_a_change_is_seen_at_once() -> None:
    store, now = CountingStore(), [0.0]
    cache = GuildSettings(store, SPEC, ttl=60, clock=lambda: now[0])
    for _ in range(100):
        assert not (await cache.channel(1, CHANNEL)).auto
    assert store.reads == 1
    await cache.change(1, Change("auto", CHANNEL, True), by=5, who="Owner")
    assert (await cache.channel(1, CHANNEL)).auto
    store.rows[1, CHANNEL, "auto"] = False  # another process changed it
    assert (await cache.channel(1, CHANNEL)).auto
    now[0] = 61
    assert not (await cache.channel(1, CHANNEL)).auto


class SlowStore(CountingStore):
    """Reads that take a moment, and may fail."""

    def __init__(self) -> None:
        super().__init__()
        self.fail = False

    async def guild_settings(self, guild_id: int) -> list[StoredSetting]:
        await asyncio.sleep(0.05)
        if self.fail:
            raise OSError("database gone")
        return await super().guild_settings(guild_id)


async def test_messages_arriving_together_share_one_read_and_a_failed_read_is_not_kept() -> None:
    store = SlowStore()
    cache = GuildSettings(store, SPEC)
    views = await asyncio.gather(*(cache.channel(1, CHANNEL) for _ in range(20)))
    assert store.reads == 1
    assert all(not view.auto for view in views)
    store.fail = True
    results = await asyncio.gather(
        *(cache.channel(2, CHANNEL) for _ in range(3)), return_exceptions=True
    )
    assert all(isinstance(result, OSError) for result in results)
    store.fail = False
    assert not (await cache.channel(2, CHANNEL)).auto  # read again, not a kept failure


async def test_the_oldest_servers_are_forgotten_past_the_bound(monkeypatch) -> None:
    monkeypatch.setattr("bossbot.guilds.cache.KEPT", 3)
    store = CountingStore()
    cache = GuildSettings(store, SPEC)
    for guild in range(5):
        await cache.channel(guild, CHANNEL)
    assert list(cache.stored) == [2, 3, 4]
    await cache.channel(0, CHANNEL)
    assert store.reads == 6
