"""The gallery-dl command line of one download: explicit options, no config files."""

from __future__ import annotations

import sys

from bossbot.fetch.base import FetchRequest

FILENAME = "{filename[:60]}.{extension[:8]}"
HTTP_TIMEOUT = 5
MAX_ITEMS = 20


def build_command(request: FetchRequest) -> list[str]:
    """The argv of gallery-dl fetching ``request.url`` into ``request.dest``.

    Only fixed option values and numbers are ours to choose; the URL comes after ``--`` so
    it can never be read as an option. gallery-dl prints each written path on stdout.
    """
    command = [
        sys.executable,
        "-m",
        "gallery_dl",
        "--config-ignore",
        "--no-input",
        "--directory",
        str(request.dest),
        "--filename",
        FILENAME,
        "--restrict-filenames",
        "ascii",
        "--filesize-max",
        str(request.cap),
        "--http-timeout",
        str(HTTP_TIMEOUT),
        "--retries",
        "0",  # the job executor retries transient failures, with backoff
        "--no-mtime",
        "--range",
        f"1-{MAX_ITEMS}",
        *("-o", "output.mode=pipe", "-o", "output.progress=false"),
        *("-o", "cache.file=:memory:", "-o", "cookies-update=false"),
    ]
    if request.rate_limit:
        command += ["--limit-rate", str(request.rate_limit)]
    if request.cookies is not None:
        command += ["--cookies", str(request.cookies)]
    return [*command, "--", request.url]
