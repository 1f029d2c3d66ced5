"""``/settings``, auto-detection and their refusals exactly as members read them."""

from __future__ import annotations

import pytest

from bossbot.guilds import BadSetting, Change, ChannelSettings, effective
from bossbot.jobs.guild_settings import SERVER
from bossbot.messages.changes import bad_setting_text, changed_text
from bossbot.messages.discord import slow_text
from bossbot.messages.settings import (
    auto_line,
    cannot_hide_text,
    no_settings_here,
    settings_refused,
    settings_text,
)
from tests.discord.conftest import SPEC

pytestmark = pytest.mark.timeout(30)
CHANNEL = 21
ON = ChannelSettings(True, ("twitter", "reddit"), True, 90.0, frozenset({"auto", "buttons"}))


def test_auto_detection_lines(snapshot) -> None:
    assert [auto_line(SPEC, effective(SPEC, [], CHANNEL)), auto_line(SPEC, ON)] == snapshot


def test_the_settings_where_previews_cannot_be_hidden(snapshot) -> None:
    assert settings_text(SPEC, ON, may_hide=False) == snapshot


@pytest.mark.parametrize(
    "change",
    [Change("auto", CHANNEL, False), Change("sites", CHANNEL, None), Change("embeds", SERVER, True),
     Change("buttons", SERVER, 90)],
    ids=["auto off", "sites default", "embeds on", "buttons"],
)  # fmt: skip
def test_changed(change: Change, snapshot) -> None:
    view = ON if change.name != "auto" else effective(SPEC, [], CHANNEL)
    off = ChannelSettings(False, view.sites, view.embeds, view.buttons_for)
    shown = [changed_text(SPEC, change, view, may_hide=False)]
    if change.name == "sites":
        shown.append(changed_text(SPEC, change, off, may_hide=True))
    assert shown == snapshot


@pytest.mark.parametrize(
    "error",
    [BadSetting("unknown", setting="colour"), BadSetting("locked", setting="auto"),
     BadSetting("switch", setting="embeds"), BadSetting("sites", unknown=[], choosable=["reddit"]),
     BadSetting("seconds", low=60, high=3600)],
    ids=lambda error: error.reason,
)  # fmt: skip
def test_bad_settings(error: BadSetting, snapshot) -> None:
    assert bad_setting_text(SPEC, error) == snapshot


def test_refusals_and_notes(snapshot) -> None:
    notes = [settings_refused(), no_settings_here(), cannot_hide_text()]
    notes += [slow_text("https://x.com/a/status/1", "k3v9qa", hidden=True)]
    assert notes == snapshot
