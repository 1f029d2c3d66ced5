"""gallery-dl's exit status and log lines -> our error taxonomy."""

from __future__ import annotations

import re

from bossbot.errors import BossError, LoginRequired, NotFound, TooLarge, Unsupported
from bossbot.fetch.reasons import from_status, judged

_HTTP = re.compile(r"'(\d{3}) [^']*' for '")
_TOO_LARGE = re.compile(r"larger than allowed maximum \((\d+) > (\d+)\)")
# Bits of gallery-dl's exit status (gallery_dl/exception.py): 16 auth, 64 no extractor.
AUTH, NO_EXTRACTOR = 16, 64


def too_large(log: str, name: str) -> TooLarge | None:
    """TooLarge when gallery-dl skipped a file over ``filesize-max``."""
    if match := _TOO_LARGE.search(log):
        size, limit = int(match[1]), int(match[2])
        return TooLarge(f"{name}: {size} bytes", name=name, size=size, limit=limit)
    return None


def map_failure(status: int, log: str) -> BossError | None:
    """The domain error a failed gallery-dl run means; None when it did not fail."""
    if not status:
        return None
    detail = log.strip()[-500:] or f"gallery-dl ended with status {status}"
    if match := _HTTP.search(log):
        mapped = from_status(int(match[1]), detail)
        if mapped is not None:
            return mapped
    if status & NO_EXTRACTOR:
        return Unsupported(detail)
    failure = judged(log, detail)
    if failure.kind == "download_failed" and status & AUTH:
        return LoginRequired(detail)
    if failure.kind == "unavailable" and "could not be found" in log.lower():
        return NotFound(detail)
    return failure
