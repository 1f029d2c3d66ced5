"""Which tool reads a link: the ones with a real extractor for it, in the group's order.

Site groups say which tool a maintainer prefers; the tools themselves say whether they
can read a link. A tool with an extractor made for the link's site comes first (in the
group's order), then a tool that can only try generically (yt-dlp's generic page
reader, gallery-dl's direct file links). Runs in a worker (it imports both tools).
"""

from __future__ import annotations

from gallery_dl import extractor as gallery_extractors

from bossbot.fetch.ytdlp.extractors import default_extractors

TOOLS = ("yt-dlp", "gallery-dl")
GALLERY_GENERIC = frozenset({"directlink", "generic"})


def _yt_dlp(url: str) -> str | None:
    """``specific``, ``generic`` or None: what yt-dlp has for ``url``."""
    for extractor in default_extractors():
        if extractor.suitable(url):
            return "generic" if extractor.ie_key() == "Generic" else "specific"
    return None


def _gallery_dl(url: str) -> str | None:
    """``specific``, ``generic`` or None: what gallery-dl has for ``url``."""
    found = gallery_extractors.find(url)
    if found is None:
        return None
    return "generic" if found.category in GALLERY_GENERIC else "specific"


READERS = {"yt-dlp": _yt_dlp, "gallery-dl": _gallery_dl}


def tools_for(url: str, preferred: list[str]) -> list[str]:
    """The tools to try for ``url``, best first; empty when neither can read it."""
    order = [*preferred, *(tool for tool in TOOLS if tool not in preferred)]
    found = {tool: READERS[tool](url) for tool in order}
    specific = [tool for tool in order if found[tool] == "specific"]
    return specific + [tool for tool in order if found[tool] == "generic"]
