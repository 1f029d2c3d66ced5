"""yt-dlp's extractor list, built once per process instead of once per download."""

from __future__ import annotations

from functools import cache
from typing import Any

import yt_dlp
from yt_dlp.extractor import gen_extractor_classes


@cache
def default_extractors() -> tuple[type, ...]:
    """The extractor classes yt-dlp enables by default, in its order (as its own init)."""
    by_name = {ie.IE_NAME.lower(): ie for ie in gen_extractor_classes()}
    return tuple(ie for ie in by_name.values() if ie._ENABLED)


def new_downloader(params: dict[str, Any]) -> yt_dlp.YoutubeDL:
    """A ``YoutubeDL`` with yt-dlp's default extractors, the list taken from the cache.

    yt-dlp's own ``add_default_info_extractors`` de-duplicates some 1,750 names by list
    scans: about 100 ms of CPU for every ``YoutubeDL``, holding the GIL while the event
    loop waits. The extractors and their order are the same.
    """
    ydl = yt_dlp.YoutubeDL(params, auto_init=False)  # type: ignore[arg-type]
    for extractor in default_extractors():
        ydl.add_info_extractor(extractor)
    return ydl
