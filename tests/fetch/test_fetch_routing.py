"""Each link goes to the tool that can read it: asked of the tools, in the group's order.

Real-looking links of each site's public URL formats (no request is made: routing only).
"""

from __future__ import annotations

import pytest

from bossbot.fetch.choice import tools_for
from bossbot.fetch.router import route
from bossbot.fetch.urls import check_url
from bossbot.spec import Spec

Y, G = "yt-dlp", "gallery-dl"
LINKS = [
    # Twitter / X: posts to gallery-dl (images and video), Spaces and broadcasts to yt-dlp
    ("https://x.com/user/status/1234567890", "twitter", [G, Y]),
    ("https://twitter.com/user/status/1234567890?s=20", "twitter", [G, Y]),
    ("https://X.com/user/status/1234567890", "twitter", [G, Y]),  # phones capitalise
    ("https://twitter.com/i/spaces/1OdKrBnaEPXKX", "twitter", [Y]),
    ("https://x.com/i/broadcasts/1lDGLlPyLZXGm", "twitter", [Y]),
    ("https://fixupx.com/user/status/1234567890", "twitter", [G, Y]),
    ("https://fixvx.com/user/status/1234567890", "twitter", [G, Y]),
    ("https://vxtwitter.com/user/status/1234567890", "twitter", [G, Y]),
    ("https://pbs.twimg.com/media/GABCdefXYZ?format=jpg&name=orig", "twitter", [G, Y]),
    # Reddit: posts and galleries to gallery-dl; v.redd.it is resolved to its post first
    ("https://www.reddit.com/r/pics/comments/abc123/title/", "reddit", [G, Y]),
    ("https://old.reddit.com/r/pics/comments/abc123/", "reddit", [G, Y]),
    ("https://i.redd.it/abcdef123.jpg", "reddit", [G, Y]),
    ("https://i.reddituploads.com/abcdef?fit=max&s=abc", "reddit", [G, Y]),
    ("https://v.redd.it/abc123def", "reddit", [Y]),
    # TikTok: videos to yt-dlp, photo posts to gallery-dl
    ("https://www.tiktok.com/@user/video/7234567890123456789", "tiktok", [Y, G]),
    ("https://www.tiktok.com/@user/photo/7234567890123456789", "tiktok", [G, Y]),
    ("https://vm.tiktok.com/ZMabcdef/", "tiktok", [Y, G]),
    # Instagram
    ("https://www.instagram.com/p/Cabcdef123/", "instagram", [G, Y]),
    ("https://www.instagram.com/reel/Cabcdef123/", "instagram", [G, Y]),
    ("https://instagram.com/p/Cabcdef123/?img_index=2", "instagram", [G, Y]),
    # YouTube: yt-dlp only
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", [Y]),
    ("https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ", "youtube", [Y]),
    ("https://youtu.be/dQw4w9WgXcQ", "youtube", [Y]),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", [Y]),
    ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", [Y]),
    # other sites: the tool that knows the site first, both when both do
    ("https://www.facebook.com/photo/?fbid=123456", "other", [G, Y]),
    ("https://pixeldrain.com/u/abcdef", "other", [G, Y]),
    ("https://danbooru.donmai.us/posts/123456", "other", [G, Y]),
    ("https://bsky.app/profile/user.bsky.social/post/3kabcdef", "other", [Y, G]),
    ("https://example.tumblr.com/post/123456789/slug", "other", [Y, G]),
    ("https://vimeo.com/123456789", "other", [Y]),
    ("https://example.org/some/page", "other", [Y]),
    # files: images to gallery-dl, videos to yt-dlp, each with the other as fallback
    ("https://files.catbox.moe/abcdef.png", "direct_image", [G, Y]),
    ("https://i.imgur.com/abcdef.jpg", "direct_image", [G, Y]),
    ("https://example.org/pic.bmp", "direct_image", [G, Y]),
    ("https://example.org/pic.avif", "direct_image", [G, Y]),
    ("https://example.org/pic.heic", "direct_image", [G, Y]),
    ("https://example.org/clip.mp4", "direct_video", [Y, G]),
    ("https://example.org/song.mp3", "direct_image", [G, Y]),
]


@pytest.mark.parametrize(("url", "group", "tools"), LINKS, ids=[u for u, _, _ in LINKS])
def test_each_link_goes_to_a_tool_that_can_read_it(
    spec: Spec, url: str, group: str, tools: list[str]
) -> None:
    checked = check_url(url)
    site, found = route(checked, spec)
    assert (site, tools_for(checked, found.downloaders)) == (group, tools)


def test_a_group_s_order_decides_among_tools_of_the_same_standing() -> None:
    assert tools_for("https://example.org/pic.png", ["yt-dlp"]) == ["yt-dlp", "gallery-dl"]
    assert tools_for("https://example.org/pic.png", ["gallery-dl"]) == ["gallery-dl", "yt-dlp"]
    assert tools_for("https://x.com/user/status/1", ["yt-dlp"]) == ["yt-dlp", "gallery-dl"]
