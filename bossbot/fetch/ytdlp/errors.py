"""yt-dlp's exceptions and messages -> our error taxonomy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bossbot.errors import BossError, NetworkError, NoMedia, Unsupported
from bossbot.fetch.statuses import from_status, from_text

_STATUS = re.compile(r"HTTP Error (\d{3})")


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (``exc_info``, ``cause``) and its Python causes."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        exc_info = getattr(item, "exc_info", None) or (None, None)
        todo += [exc_info[1], getattr(item, "cause", None), item.__cause__, item.__context__]


def http_status(error: BaseException) -> int | None:
    """The HTTP status behind a yt-dlp error, when there is one."""
    for item in _chain(error):
        status = getattr(item, "status", None)
        if isinstance(status, int) and 100 <= status < 600:
            return status
        if match := _STATUS.search(str(item)):
            return int(match[1])
    return None


def map_error(error: BaseException) -> BossError:
    """Turn a yt-dlp error into a domain error, judged by HTTP status, then by its text."""
    detail = str(error)[:500]
    status = http_status(error)
    mapped = from_status(status, detail) if status else None
    if mapped is not None:
        return mapped
    text = " ".join(str(item) for item in _chain(error)).lower()
    if "unsupported url" in text:
        return Unsupported(detail)
    if "requested format is not available" in text or "no video formats" in text:
        return NoMedia(detail)
    mapped = from_text(text, detail)
    if mapped is not None:
        return mapped
    if "unable to extract" in text:
        return Unsupported(detail)
    return NetworkError(detail)
