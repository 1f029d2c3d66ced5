"""The caption above posted files and the status naming its job, as members read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.errors import WrongCommand
from bossbot.media.info import MediaInfo
from bossbot.messages import render_error
from bossbot.messages.discord import accepted_text
from bossbot.messages.results import caption, clock, named, plain, posted_text
from bossbot.spec import load_spec

SPEC = load_spec(Path(__file__).resolve().parents[2] / "commands.toml", ACTIONS)
URL = "https://youtu.be/dQw4w9WgXcQ"
VIDEO = MediaInfo(
    title="Rick Astley - Never Gonna Give You Up (Official Music Video)",
    uploader="Rick Astley",
    duration=212.0,
    webpage_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
)
POST = MediaInfo(
    uploader="someone_on_x",
    description="first line of the post\nsecond line with a link https://t.co/abc " + "word " * 40,
)
HOSTILE = MediaInfo(title="@everyone <@123> [free nitro](https://evil.example) **# big** `x`")
CAPTIONS = {
    "video with every fact": (URL, VIDEO, 1, 1),
    "second of three messages": (URL, VIDEO, 2, 3),
    "a post: its text, trimmed": ("https://x.com/someone_on_x/status/1", POST, 1, 1),
    "nothing known: the link alone": ("https://i.redd.it/abc.jpg", MediaInfo(), 1, 1),
    "nothing known, two messages": ("https://i.redd.it/abc.jpg", MediaInfo(), 1, 2),
    "markdown and mentions in a title stay text": (URL, HOSTILE, 1, 1),
    "hidden by the member: behind spoilers": (URL, VIDEO, 1, 2, True),
    "hidden, nothing known": ("https://i.redd.it/abc.jpg", MediaInfo(), 1, 1, True),
    "a link too long to show": ("https://example.org/" + "a" * 1600, MediaInfo(), 1, 1),
}


FITTED = {
    "one file compressed": ["🗜️ compressed 24.1 MiB → 9.8 MiB, 1080p → 720p"],
    "a gallery: one change said once with its count": [
        "🖼️ converted HEIC → JPEG", "", "🖼️ converted HEIC → JPEG", "🖼️ converted HEIC → JPEG",
    ],
    "many kinds of change": [
        "🖼️ converted HEIC → JPEG", "🖼️ converted AVIF → JPEG", "🎞️ GIF turned into a video",
        "🖼️ converted BMP → PNG", "🖼️ converted TIFF → PNG",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", list(FITTED))
def test_captions_say_what_fitting_did(name: str, snapshot) -> None:
    text = caption(URL, VIDEO, notes=FITTED[name])
    assert text.startswith(caption(URL, VIDEO) + "\n-# ")
    assert text == snapshot


@pytest.mark.parametrize("name", list(CAPTIONS))
def test_captions(name: str, snapshot) -> None:
    url, info, part, parts, *hidden = CAPTIONS[name]
    text = caption(url, info, part, parts, hidden=bool(hidden))
    assert len(text) <= 2000
    assert "<@" not in text.replace("\\<@", "")
    assert text == snapshot


def test_status_names_its_link_then_its_title(snapshot) -> None:
    texts = [
        named("🕒 Queued as `k3v9qa`: you're next.", URL, MediaInfo()),
        named("⬇️ Downloading…", URL, VIDEO),
        named(posted_text(3, 1, 2, 3), URL, VIDEO),
        named(posted_text(1, None, 2, None), URL, MediaInfo()),
        named("⬇️ Downloading…", URL, MediaInfo(), hidden=True),
        named("⬇️ Downloading…", URL, VIDEO, hidden=True),
        accepted_text(URL, hidden=True),
    ]
    assert texts == snapshot


@pytest.mark.parametrize("site", sorted(SPEC.sites))
def test_every_site_group_reads_well_in_a_wrong_command_reply(site: str, snapshot) -> None:
    error = WrongCommand(site=SPEC.sites[site].description, command="dl", used="dlr")
    assert render_error(error, prefix="$") == snapshot


@pytest.mark.parametrize(
    ("seconds", "text"), [(7, "0:07"), (212.4, "3:32"), (3723, "1:02:03"), (59.6, "1:00")]
)
def test_lengths_read_like_a_player(seconds: float, text: str) -> None:
    assert clock(seconds) == text


def test_plain_text_is_one_line_and_cut_at_a_word() -> None:
    assert plain("a\nb   c", 10) == "a b c"
    assert plain("lorem ipsum dolor sit amet", 16) == "lorem ipsum…"


def test_info_from_an_extractor_mapping() -> None:
    info = MediaInfo.from_mapping({"title": " T ", "channel": "C", "duration": 3, "id": "x"})
    assert info == MediaInfo(title="T", uploader="C", duration=3.0)
    assert info.to_mapping() == {"title": "T", "uploader": "C", "duration": 3.0}
    odd = {"title": 5, "duration": True, "uploader": None, "description": ["x"]}
    assert MediaInfo.from_mapping(odd) == MediaInfo.from_mapping(None) == MediaInfo()
    assert MediaInfo.from_mapping({"duration": float("inf")}).duration is None
