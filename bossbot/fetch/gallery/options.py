"""gallery-dl's configuration for one download: explicit values, no config file at all.

gallery-dl's configuration is global to its process; a worker process runs one job, so
setting it here affects that job only.
"""

from __future__ import annotations

from typing import Any

from gallery_dl import config

from bossbot.fetch.base import FetchRequest

FILENAME = "{filename[:60]}.{extension[:8]}"
HTTP_TIMEOUT = 20  # a stalled site is the guard's minimum-rate rule's to stop
MAX_ITEMS = 20


def options(request: FetchRequest) -> dict[str, Any]:
    """The values gallery-dl's command line would set for this download (``-D``, ``-f``...)."""
    values: dict[str, Any] = {
        "base-directory": str(request.dest),
        "directory": (),
        "filename": FILENAME,
        "path-restrict": "ascii",
        "filesize-max": request.cap,
        "timeout": HTTP_TIMEOUT,
        "retries": 0,  # the job executor retries transient failures, with backoff
        "mtime": False,
        "file-range": f"1-{MAX_ITEMS}",
        "input": False,
        "cookies-update": False,
        "proxy": request.proxy,
    }
    if request.rate_limit:
        values["rate"] = request.rate_limit
    if request.cookies is not None:
        values["cookies"] = str(request.cookies)
    return values


def configure(request: FetchRequest) -> None:
    """Replace gallery-dl's whole configuration with the values for ``request``."""
    config.clear()
    for key, value in options(request).items():
        config.set((), key, value)
    config.set(("downloader",), "progress", 0.0)  # report (and check the cap) every chunk
    config.set(("cache",), "file", ":memory:")
    config.set(("output",), "mode", "null")
