"""yt-dlp's exceptions and messages -> our error taxonomy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yt_dlp.utils import ExtractorError, GeoRestrictedError

from bossbot.errors import BossError, GeoBlocked, SiteChanged
from bossbot.fetch.reasons import from_status, judged

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
    """Turn a yt-dlp error into a domain error: its HTTP status, its class, then its words.

    An extractor error yt-dlp calls unexpected (it asks for a bug report) means the site
    changed; anything else nothing explains is permanent.
    """
    detail = str(error)[:500]
    status = http_status(error)
    mapped = from_status(status, detail) if status else None
    if mapped is not None:
        return mapped
    chain = list(_chain(error))
    if any(isinstance(item, GeoRestrictedError) for item in chain):
        return GeoBlocked(detail)
    failure = judged(" ".join(str(item) for item in chain), detail)
    unexpected = any(isinstance(i, ExtractorError) and not i.expected for i in chain)
    if unexpected and failure.kind == "download_failed":
        return SiteChanged(detail)
    return failure
