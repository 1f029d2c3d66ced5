"""gallery-dl's exit status and log lines -> our error taxonomy."""

from __future__ import annotations

import re

from bossbot.errors import BossError, LoginRequired, NetworkError, NotFound, TooLarge, Unsupported
from bossbot.fetch.statuses import from_status, from_text

_HTTP = re.compile(r"'(\d{3}) [^']*' for '")
_TOO_LARGE = re.compile(r"larger than allowed maximum \((\d+) > (\d+)\)")
# Bits of gallery-dl's exit status (gallery_dl/exception.py, gallery_dl/__init__.py).
AUTH, NO_EXTRACTOR = 16, 64


def too_large(stderr: str, name: str) -> TooLarge | None:
    """TooLarge when gallery-dl skipped a file over ``--filesize-max``."""
    if match := _TOO_LARGE.search(stderr):
        size, limit = int(match[1]), int(match[2])
        return TooLarge(f"{name}: {size} bytes", name=name, size=size, limit=limit)
    return None


def map_failure(returncode: int, stderr: str) -> BossError | None:
    """The domain error a failed gallery-dl run means; None when it did not fail."""
    if not returncode:
        return None
    detail = stderr.strip()[-500:] or f"gallery-dl exited with {returncode}"
    if match := _HTTP.search(stderr):
        mapped = from_status(int(match[1]), detail)
        if mapped is not None:
            return mapped
    if returncode & NO_EXTRACTOR or "unsupported url" in stderr.lower():
        return Unsupported(detail)
    if returncode & AUTH:
        return LoginRequired(detail)
    if "could not be found" in stderr.lower():
        return NotFound(detail)
    mapped = from_text(stderr, detail)
    if mapped is not None:
        return mapped
    return NetworkError(detail)
