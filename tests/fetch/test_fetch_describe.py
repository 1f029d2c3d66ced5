"""What each tool said of the media becomes the caption's facts and the post's identity."""

from __future__ import annotations

from bossbot.fetch.describe import TEXT, from_gallery_dl, from_yt_dlp
from bossbot.media.info import MediaInfo

PAGE = "https://www.youtube.com/watch?v=abc"


def test_yt_dlp_facts_and_the_post_identity_are_kept() -> None:
    info = {
        "title": " A cat ", "channel": "Cats", "duration": 213.4, "webpage_url": PAGE,
        "description": "x" * 2000, "extractor_key": "Youtube", "id": "abc", "formats": [{}],
    }  # fmt: skip
    found = from_yt_dlp(info, "https://youtu.be/abc")
    assert MediaInfo.from_mapping(found) == MediaInfo(
        title="A cat", uploader="Cats", duration=213.4, webpage_url=PAGE, description="x" * TEXT
    )
    assert (found["tool"], found["extractor"], found["id"]) == ("yt-dlp", "Youtube", "abc")
    assert "formats" not in found


def test_a_direct_file_has_no_title_but_its_link() -> None:
    url = "https://cdn.example/media/My%20clip.mp4?x=1"
    found = from_yt_dlp({"title": "My clip", "extractor_key": "Generic", "id": "My clip"}, url)
    assert "title" not in found
    assert found["webpage_url"] == url


def test_gallery_dl_names_people_and_text_however_the_site_spells_them() -> None:
    kwdict = {
        "content": "  look at this  ", "author": {"name": "Some One", "nick": "someone"},
        "tweet_id": 1234567890, "category": "twitter",
    }  # fmt: skip
    found = from_gallery_dl(kwdict, "twitter", "https://x.com/someone/status/1234567890")
    assert found == {
        "uploader": "someone", "description": "look at this",
        "webpage_url": "https://x.com/someone/status/1234567890", "tool": "gallery-dl",
        "extractor": "twitter", "id": "1234567890",
    }  # fmt: skip


def test_gallery_dl_without_metadata_keeps_only_where_it_came_from() -> None:
    found = from_gallery_dl({"user": 5, "title": None}, "directlink", "https://a.example/x.jpg")
    assert found == {
        "webpage_url": "https://a.example/x.jpg",
        "tool": "gallery-dl",
        "extractor": "directlink",
    }
