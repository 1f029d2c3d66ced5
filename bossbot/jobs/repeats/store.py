"""The cache of repeat links as the job store keeps it: entries, their keys, LRU order."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(slots=True, kw_only=True)
class CacheEntry:
    """One delivered post that repeats of its link are answered from.

    Attributes:
        id: The id of the job that made the post (its files are under ``cache/<id>/``).
        guild_id: The server it was posted in; entries never answer another server.
        channel_id: Where the post is, ``message_id`` its first message.
        url: The link as the member gave it; ``info`` what the extractor said (caption).
        variant: What was asked besides the link (audio, quality, spoiler; see keys).
        files: The file names under the entry's folder, in posting order (empty: not kept).
        size: Bytes of those files together.
        posted_at: When the post was made (epoch seconds): the window counts from it.
        used_at: When a repeat last used it: least recently used entries are evicted first.
    """

    id: str
    guild_id: int
    channel_id: int
    message_id: int
    url: str
    variant: str = ""
    info: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    size: int = 0
    posted_at: float = 0.0
    used_at: float = 0.0

    def to_row(self) -> dict[str, Any]:
        """The entry as a row of ``cache_entries`` (lists and info as JSON text)."""
        row = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        return {**row, "info": json.dumps(self.info), "files": json.dumps(self.files)}

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> CacheEntry:
        """The entry of a ``cache_entries`` row."""
        made = {name: row[name] for name in cls.__slots__}  # type: ignore[attr-defined]
        return cls(**{**made, "info": json.loads(made["info"] or "{}"),
                      "files": json.loads(made["files"] or "[]")})  # fmt: skip


CACHE_COLUMNS: tuple[str, ...] = CacheEntry.__slots__  # type: ignore[attr-defined]


class CacheStore(Protocol):
    """What the job store keeps of the cache (both backends; every call one transaction).

    Keys are per server: ``(guild_id, key)`` names at most one entry.
    """

    async def cache_find(
        self, guild_id: int, keys: Sequence[str], since: float
    ) -> CacheEntry | None:
        """The newest entry posted at or after ``since`` under one of ``keys``; marks it used."""

    async def cache_put(self, entry: CacheEntry, keys: Sequence[str]) -> list[CacheEntry]:
        """Store ``entry`` under ``keys`` (an entry of that id already stored: nothing changes).

        Returns the entries this one replaced (left without any key): they are deleted.
        """

    async def cache_moved(self, entry_id: str, channel_id: int, message_id: int) -> None:
        """The entry's files were posted again there: repeats now point at that post."""

    async def cache_evict(self, max_bytes: int, before: float) -> list[CacheEntry]:
        """Delete expired entries, then the least recently used ones holding files.

        Expired: posted before ``before``. Then until the files of the others take at most
        ``max_bytes``. Returns those deleted.
        """

    async def cache_drop(self, entry_id: str) -> None:
        """Delete one entry and its keys (its files were found missing)."""

    async def cache_entries(self) -> list[CacheEntry]:
        """Every entry, least recently used first."""
