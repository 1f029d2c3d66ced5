"""Help pages, hints and the health report, exactly as users read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.messages.health import Health, health_report
from bossbot.messages.help import (
    help_command,
    help_index,
    unknown_command,
    unknown_topic,
    usage_error,
)
from bossbot.messages.progress import duration
from bossbot.spec import load_spec

SPEC = load_spec(Path(__file__).resolve().parents[2] / "commands.toml", ACTIONS)
VERSIONS = {"bossbot": "X", "hikari": "X", "yt-dlp": "X", "gallery-dl": "X"}


def test_help_index(snapshot) -> None:
    assert help_index(SPEC, list(SPEC.commands)) == snapshot


def test_help_index_for_a_member_with_no_commands(snapshot) -> None:
    assert help_index(SPEC, []) == snapshot


@pytest.mark.parametrize("name", sorted(SPEC.commands))
def test_help_page(name: str, snapshot) -> None:
    assert help_command(SPEC, name) == snapshot


def test_unknown_command_suggests_a_close_one(snapshot) -> None:
    assert unknown_command(SPEC, "hepl") == snapshot


@pytest.mark.parametrize("word", ["zzz", "tsla", "play", "balance", "daily", "rank"])
def test_words_far_from_every_command_get_no_hint(word: str) -> None:
    assert unknown_command(SPEC, word) is None


def test_unknown_help_topic(snapshot) -> None:
    assert unknown_topic(SPEC, "helth") == snapshot


def test_usage_error(snapshot) -> None:
    assert usage_error(SPEC, "help", "`command` is missing") == snapshot


@pytest.mark.parametrize(
    "health",
    [
        Health(uptime=3, latency=None, versions=VERSIONS, ffmpeg=False),
        Health(
            uptime=3725,
            latency=0.042,
            versions=VERSIONS,
            ffmpeg=True,
            queued=4,
            running=5,
            max_queue=50,
        ),
        Health(3, None, VERSIONS, ffmpeg=True, ffmpeg_version="7.1.1"),
        Health(3, None, VERSIONS, ffmpeg=True, ffmpeg_version="9.0.2", ffmpeg_bundled=True),
    ],
    ids=["just started", "busy", "system ffmpeg", "bundled ffmpeg"],
)
def test_health_report(health: Health, snapshot) -> None:
    assert health_report(health) == snapshot


@pytest.mark.parametrize(
    ("seconds", "text"), [(5, "5 s"), (65, "1 min 5 s"), (7260, "2 h 1 min"), (90000, "1 d 1 h")]
)
def test_durations(seconds: float, text: str) -> None:
    assert duration(seconds) == text
