"""Canonical links: every form of one post is one key, worked out without any network."""

from __future__ import annotations

import pytest

from bossbot.fetch.canonical import canonical, post_key
from bossbot.jobs.repeats import request_keys, result_keys, variant

TWEET = "https://x.com/i/status/1234567890"
VIDEO = "https://youtube.com/watch?v=dQw4w9WgXcQ"
REDDIT = "https://reddit.com/comments/1abcde"
FORMS = {
    TWEET: [
        "https://x.com/someone/status/1234567890",
        "https://twitter.com/someone/status/1234567890?s=20",
        "https://twitter.com/someone/status/1234567890?s=46&t=AbCdEf123",
        "https://mobile.twitter.com/someone/status/1234567890",
        "https://www.twitter.com/someone/status/1234567890/photo/1",
        "https://fxtwitter.com/someone/status/1234567890",
        "https://vxtwitter.com/someone/status/1234567890",
        "https://fixupx.com/someone/status/1234567890/",
        "https://X.com/i/web/status/1234567890#reply",
        "http://x.com/other_name/status/1234567890?ref_src=twsrc%5Etfw",
    ],
    VIDEO: [
        "https://youtu.be/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?si=AbCdEfGh&t=42",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ&utm_source=x",
        "https://youtube.com/shorts/dQw4w9WgXcQ?feature=share",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ],
    REDDIT: [
        "https://www.reddit.com/r/pics/comments/1abcde/a_title/",
        "https://old.reddit.com/r/pics/comments/1abcde/",
        "https://new.reddit.com/r/pics/comments/1abcde/a_title/?utm_source=share&utm_medium=web",
        "https://redd.it/1abcde",
        "https://rxddit.com/r/pics/comments/1abcde/a_title/?share_id=xyz",
    ],
    "https://instagram.com/p/C1a2B3c-4": [
        "https://www.instagram.com/p/C1a2B3c-4/?igsh=MWQ1ZGUxMzBkMA==",
        "https://instagram.com/reel/C1a2B3c-4/",
        "https://ddinstagram.com/p/C1a2B3c-4/?img_index=2",
    ],
    "https://tiktok.com/video/7300000000000000000": [
        "https://www.tiktok.com/@some.one/video/7300000000000000000?is_from_webapp=1&lang=en",
    ],
    "https://example.org/clip.mp4?a=1&b=2": [
        "https://www.example.org/clip.mp4?b=2&a=1&utm_campaign=x&fbclid=y#t=10",
    ],
}


@pytest.mark.parametrize(("key", "form"), [(k, f) for k, forms in FORMS.items() for f in forms])
def test_every_form_of_a_post_has_one_canonical_link(key: str, form: str) -> None:
    assert canonical(form) == key
    assert canonical(key) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://x.com/a/status/1234567890", "https://x.com/a/status/1234567891"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcR"),
        ("https://example.org/watch?v=1", "https://example.org/watch?v=2"),
        ("https://example.org/page?id=1&s=2", "https://example.org/page?id=1&s=3"),
        (
            "https://youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?v=dQw4w9WgXcQ&list=P",
        ),
        ("http://127.0.0.1:8080/a.mp4", "http://127.0.0.1:8081/a.mp4"),
        ("https://example.org/Clip.mp4", "https://example.org/clip.mp4"),
    ],
)
def test_different_posts_and_meaningful_parameters_stay_apart(one: str, other: str) -> None:
    assert canonical(one) != canonical(other)


def test_parameters_that_are_not_tracking_are_kept() -> None:
    assert canonical("https://example.org/v?id=7&s=20&t=3") == "https://example.org/v?id=7&s=20&t=3"
    assert canonical("https://x.com/search?q=cats&s=20") == "https://x.com/search?q=cats"


def test_what_cannot_be_parsed_comes_back_as_it_is() -> None:
    assert canonical("https://[::1/") == "https://[::1/"


def test_the_post_key_names_the_tools_own_id() -> None:
    assert post_key("https://twitter.com/a/status/123?s=20") == "twitter:123"
    assert post_key("https://youtu.be/dQw4w9WgXcQ") == "youtube:dQw4w9WgXcQ"
    assert post_key("https://redd.it/1abcde") == "reddit:1abcde"
    assert post_key("https://example.org/clip.mp4") is None


def test_what_was_asked_is_part_of_the_key() -> None:
    asked = [variant(audio=a, quality=q, spoiler=s) for a in (False, True) for q in (None, 720)
             for s in (False, True)]  # fmt: skip
    assert len(set(asked)) == 6  # audio ignores the quality: one file either way
    keys = [set(request_keys(TWEET, a)) for a in set(asked)]
    assert len(set().union(*keys)) == sum(len(k) for k in keys)  # no key shared


def test_a_result_is_also_kept_under_its_page_after_redirects_and_its_tool_id() -> None:
    info = {"webpage_url": "https://twitter.com/a/status/99", "extractor": "Twitter", "id": "99"}
    keys = result_keys("https://t.co/abc", info, "video")
    assert keys == ["video https://t.co/abc", f"video {TWEET[:-10]}99", "video twitter:99"]
    generic = result_keys("https://example.org/a.mp4", {"extractor": "generic", "id": "a"}, "video")
    assert generic == ["video https://example.org/a.mp4"]  # a generic id is only a file name
