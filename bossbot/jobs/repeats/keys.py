"""What makes two requests the same: the post, and what was asked of it.

The post is named by its canonical link or its tool id; what was asked is the variant
(audio only, a quality, a spoiler). A key is ``"<variant> <name>"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bossbot.fetch.canonical import SITE_IDS, canonical, post_key


def variant(*, audio: bool, quality: int | None, spoiler: bool) -> str:
    """``video``, ``video-720``, ``audio``, each ``+spoiler`` when hidden."""
    kind = "audio" if audio else f"video-{quality}" if quality else "video"
    return kind + ("+spoiler" if spoiler else "")


def request_keys(url: str, asked: str) -> list[str]:
    """The keys a request is looked up by, before any network.

    Its canonical link, and the post's tool id where the link names one (``twitter:123``).
    """
    names = [canonical(url), post_key(url)]
    return [f"{asked} {name}" for name in dict.fromkeys(names) if name]


def result_keys(url: str, info: Mapping[str, Any] | None, asked: str) -> list[str]:
    """The keys a delivered post is kept under.

    The request's, the page the tool ended on (after redirects: ``webpage_url``) and the
    tool's own id of the post (``extractor`` and ``id``) on the sites whose ids both tools
    share (a generic page's id is only a file name).
    """
    info = info or {}
    names = request_keys(url, asked)
    if page := info.get("webpage_url"):
        names += request_keys(str(page), asked)
    extractor, post = str(info.get("extractor") or "").lower(), info.get("id")
    if extractor in SITE_IDS.values() and post:
        names.append(f"{asked} {extractor}:{post}")
    return list(dict.fromkeys(names))
