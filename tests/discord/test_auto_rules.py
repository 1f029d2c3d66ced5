"""Auto-detection's small rules: which links it takes, whose rules it follows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bossbot.discord.auto import auto_detect
from bossbot.discord.auto_rules import covered, download_command
from bossbot.spec import Command
from tests.discord.conftest import SPEC

pytestmark = pytest.mark.timeout(30)
SOCIAL = ("twitter", "reddit")


def test_only_links_of_the_channels_site_groups_up_to_the_limit() -> None:
    text = (
        "x.com/a/status/1 and https://youtu.be/abc, ||https://redd.it/x|| "
        "https://[::1/ also https://x.com/a/status/2 https://x.com/a/status/3"
    )
    taken = covered(SPEC, text, SOCIAL)
    assert [(link.url, link.spoiler) for link in taken] == [
        ("https://x.com/a/status/1", False), ("https://redd.it/x", True),
        ("https://x.com/a/status/2", False),
    ]  # fmt: skip
    assert covered(SPEC, "no links here, $5 says so", SOCIAL) == []
    assert covered(SPEC, "see X.COM/a/status/9", SOCIAL)[0].url == "https://x.com/a/status/9"


def test_it_follows_a_download_command_for_any_site_the_member_may_use() -> None:
    command = download_command(SPEC, frozenset({"everyone"}))
    assert command == SPEC.commands["dl"]
    only_dlr = {"dlr": SPEC.commands["dlr"], "help": SPEC.commands["help"]}
    found = download_command(SPEC.model_copy(update={"commands": only_dlr}), frozenset())
    assert isinstance(found, Command)
    assert found.sites == []  # the channel's site groups decide, not the command's
    locked = SPEC.commands["dl"].model_copy(update={"roles": ["moderator"]})
    closed = SPEC.model_copy(update={"commands": {"dl": locked}})
    assert download_command(closed, frozenset({"everyone"})) is None


async def test_unreadable_settings_skip_auto_detection_quietly() -> None:
    class Gone:
        async def channel(self, guild_id: int, channel_id: int) -> None:
            raise OSError("database gone")

    services = SimpleNamespace(guilds=Gone(), jobs=object(), spec=SPEC)
    event = SimpleNamespace(guild_id=1, channel_id=2)
    await auto_detect(event, services)  # type: ignore[arg-type]  # no exception, no answer
