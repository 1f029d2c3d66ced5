"""The settings servers changed, in the job store: the same contract on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.jobs import SqliteStore
from bossbot.jobs.guild_settings import SERVER, StoredSetting
from bossbot.jobs.stores import Store
from tests.fakes.jobs import FakeClock

pytestmark = pytest.mark.timeout(60)
GUILD, OTHER, CHANNEL = 11, 12, 21


async def test_settings_are_stored_replaced_and_deleted_per_server(store: Store) -> None:
    assert await store.guild_settings(GUILD) == []
    await store.put_setting(GUILD, CHANNEL, "auto", True, by=5)
    await store.put_setting(GUILD, CHANNEL, "sites", ["twitter", "reddit"], by=5)
    await store.put_setting(GUILD, SERVER, "buttons", 600, by=5)
    await store.put_setting(OTHER, CHANNEL, "auto", True, by=6)
    await store.put_setting(GUILD, CHANNEL, "auto", False, by=7)  # replaced, not added
    found = sorted(await store.guild_settings(GUILD), key=lambda s: (s.channel_id, s.name))
    assert found == [
        StoredSetting(SERVER, "buttons", 600),
        StoredSetting(CHANNEL, "auto", False),
        StoredSetting(CHANNEL, "sites", ["twitter", "reddit"]),
    ]
    await store.put_setting(GUILD, CHANNEL, "sites", None, by=7)  # back to the default
    assert {s.name for s in await store.guild_settings(GUILD)} == {"buttons", "auto"}
    assert await store.guild_settings(OTHER) == [StoredSetting(CHANNEL, "auto", True)]


async def test_settings_survive_reopening_the_sqlite_file(tmp_path: Path) -> None:
    store = SqliteStore.in_dir(tmp_path, FakeClock())
    await store.put_setting(GUILD, CHANNEL, "auto", True, by=5)
    await store.close()
    again = SqliteStore.in_dir(tmp_path, FakeClock())
    assert await again.guild_settings(GUILD) == [StoredSetting(CHANNEL, "auto", True)]
    row = again.conn.execute("SELECT updated_by FROM guild_settings").fetchone()
    assert row[0] == 5  # who changed it is kept beside the log's audit line
    await again.close()
