"""Pay the downloaders' one-time costs at start-up instead of in the first user's job."""

from __future__ import annotations

from loguru import logger

from bossbot.fetch.redirects import tls_context
from bossbot.fetch.ytdlp.extractors import default_extractors, new_downloader

PROBE = "https://warm-up.invalid/"


def warm_up() -> None:
    """Compile yt-dlp's URL patterns, load its generic extractor and our TLS context.

    yt-dlp compiles each extractor's pattern on first use; a direct link tries all 1,750
    of them. Done by the first job, that is about a second of CPU holding the GIL while
    the event loop waits to acknowledge commands. Call it in a worker thread; a failure
    is logged and changes nothing else.
    """
    try:
        tls_context()
        for extractor in default_extractors():
            extractor.suitable(PROBE)
        with new_downloader({"quiet": True}) as ydl:
            ydl.get_info_extractor("Generic")
    except Exception:
        logger.opt(exception=True).warning("warming up the downloaders failed")
