"""Which downloader handles a URL follows the site groups of commands.toml."""

from __future__ import annotations

import pytest

from bossbot.errors import Unsupported
from bossbot.fetch import route
from bossbot.spec import SiteGroup, Spec


@pytest.mark.parametrize(
    ("url", "site", "downloader"),
    [
        ("https://x.com/a/status/1", "twitter", "gallery-dl"),
        ("https://www.x.com/a/status/1", "twitter", "gallery-dl"),
        ("https://mobile.twitter.com/a/status/1", "twitter", "gallery-dl"),
        ("https://X.COM./a", "twitter", "gallery-dl"),
        ("https://notx.com/a", "other", "yt-dlp"),
        ("https://x.com.evil.example/a", "other", "yt-dlp"),
        ("https://redd.it/abc", "reddit", "gallery-dl"),
        ("https://vm.tiktok.com/ZM1/", "tiktok", "yt-dlp"),
        ("https://youtu.be/abc", "youtube", "yt-dlp"),
        ("https://cdn.example.org/v/clip.MP4?x=1", "direct_video", "yt-dlp"),
        ("https://cdn.example.org/a/pic.jpeg", "direct_image", "gallery-dl"),
        ("https://x.com/media/pic.jpg", "twitter", "gallery-dl"),
        ("https://example.org/watch?v=1", "other", "yt-dlp"),
    ],
)
def test_route_picks_the_site_group(spec: Spec, url: str, site: str, downloader: str) -> None:
    name, group = route(url, spec)
    assert (name, group.downloaders[0]) == (site, downloader)  # the group's preferred tool


def test_the_most_specific_host_wins(spec: Spec) -> None:
    sites = {
        **spec.sites,
        "video_cdn": SiteGroup(description="CDN", hosts=["video.x.com"], downloader="yt-dlp"),
    }
    custom = spec.model_copy(update={"sites": sites})
    assert route("https://video.x.com/1.mp4", custom)[0] == "video_cdn"
    assert route("https://x.com/1", custom)[0] == "twitter"


def test_without_a_catch_all_group_an_unknown_site_is_unsupported(spec: Spec) -> None:
    sites = {name: group for name, group in spec.sites.items() if "*" not in group.hosts}
    custom = spec.model_copy(update={"sites": sites})
    with pytest.raises(Unsupported):
        route("https://example.org/page", custom)
    assert route("https://example.org/a.webm", custom)[0] == "direct_video"
