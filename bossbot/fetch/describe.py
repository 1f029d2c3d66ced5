"""What each tool says of the media, as one mapping (:class:`bossbot.media.info.MediaInfo`).

Besides the caption's fields it keeps what identifies the post for a cache of repeat
links: the tool, its extractor and the post's id there.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from bossbot.media.info import MediaInfo

TEXT = 500  # characters of a post's text kept


def echoes_file_name(title: str, url: str) -> bool:
    """Whether ``title`` is only the URL's file name (yt-dlp's generic title of a file)."""
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return bool(name) and title in (name, PurePosixPath(name).stem)


def from_yt_dlp(info: Mapping[str, Any], url: str) -> dict[str, Any]:
    """yt-dlp's info dict of the page (a playlist's own fields, not its entries').

    A direct file's "title" is its file name: not worth a caption line, so it is dropped.
    """
    found = MediaInfo.from_mapping(info).to_mapping()
    if echoes_file_name(found.get("title", ""), str(info.get("webpage_url") or url)):
        found.pop("title")
    found.setdefault("webpage_url", str(info.get("webpage_url") or url))
    found["description"] = found.get("description", "")[:TEXT]
    keys = {"tool": "yt-dlp", "extractor": info.get("extractor_key"), "id": info.get("id")}
    return {**found, **{k: str(v) for k, v in keys.items() if v}}


def _name(value: Any) -> str:
    """A person's name in gallery-dl's metadata: a string, or a dict with a name in it."""
    if isinstance(value, Mapping):
        value = value.get("nick") or value.get("name") or value.get("username")
    return value.strip() if isinstance(value, str) else ""


def from_gallery_dl(kwdict: Mapping[str, Any], category: str, url: str) -> dict[str, Any]:
    """The metadata gallery-dl gave the first file of a post (the fields vary by site)."""
    text = next((kwdict[k] for k in ("content", "description", "caption", "selftext")
                 if isinstance(kwdict.get(k), str) and kwdict[k].strip()), "")  # fmt: skip
    who = next(filter(None, (_name(kwdict.get(k)) for k in ("author", "user", "uploader",
                                                            "owner", "username"))), "")  # fmt: skip
    post = next((kwdict[k] for k in ("tweet_id", "post_id", "id") if kwdict.get(k)), None)
    found: dict[str, Any] = {
        "title": str(kwdict.get("title") or "").strip(), "uploader": who,
        "description": text.strip()[:TEXT], "webpage_url": url, "tool": "gallery-dl",
        "extractor": category, "id": str(post) if post else "",
    }  # fmt: skip
    return {key: value for key, value in found.items() if value}
