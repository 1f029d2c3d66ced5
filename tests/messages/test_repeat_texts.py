"""What members read when a link was posted here lately, as they read it."""

from __future__ import annotations

from bossbot.media.info import MediaInfo
from bossbot.messages.repeats import (
    already_posted_text,
    reposted_note,
    reposted_text,
    reposting_text,
)
from bossbot.messages.results import caption

GUILD, CHANNEL, MESSAGE = 1180000000000000100, 1180000000000000200, 1180000000000000300
POSTED = 1_764_590_400.0
TWEET = MediaInfo(uploader="someone_on_x", description="a cat and a ball")


def test_a_link_posted_here_lately_points_at_the_post(snapshot) -> None:
    assert already_posted_text(POSTED, GUILD, CHANNEL, MESSAGE) == snapshot


def test_cached_files_posted_again_say_why(snapshot) -> None:
    url = "https://x.com/someone_on_x/status/1"
    texts = {
        reason: caption(url, TWEET, hidden=hidden) + reposted_note(POSTED, reason)
        for reason, hidden in (("gone", False), ("elsewhere", True))
    }
    assert texts == snapshot


def test_a_slash_command_answered_with_cached_files_links_to_them(snapshot) -> None:
    assert [reposting_text(POSTED), reposted_text(GUILD, CHANNEL, MESSAGE)] == snapshot
