"""The cache of repeat links: entries in the job store, their files under ``data/cache/``.

Order of writes (nothing lost, nothing twice): room is made first (entries deleted, then
their folders), the files are linked into a ``.part`` folder renamed whole to the entry's
id, then the entry is committed; a crash in between leaves a folder no entry names, which
:meth:`RepeatCache.sweep` removes. Repeats are looked up before any network.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

from bossbot.jobs.clock import Clock
from bossbot.jobs.model import Job
from bossbot.jobs.repeats.keys import request_keys, result_keys, variant
from bossbot.jobs.repeats.store import CacheEntry, CacheStore
from bossbot.spec import Cache


def asked_of(job: Job) -> str:
    """The variant a job was asked for (see :func:`variant`)."""
    return variant(audio=job.audio, quality=job.quality, spoiler=job.spoiler)


def _link_all(files: list[Path], folder: Path) -> list[str]:
    """Hard-link (else copy) ``files`` into ``folder`` made whole at once; their names."""
    part = folder.with_name(f".{folder.name}.part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    names = []
    for index, source in enumerate(files):
        name = source.name if source.name not in names else f"{index}-{source.name}"
        try:
            os.link(source, part / name)
        except OSError:  # another file system
            shutil.copyfile(source, part / name)
        names.append(name)
    shutil.rmtree(folder, ignore_errors=True)
    part.rename(folder)
    return names


class RepeatCache:
    """Finds the earlier post of a link and keeps what a delivered job posted."""

    def __init__(self, store: CacheStore, folder: Path, declared: Cache, clock: Clock) -> None:
        self.store, self.folder, self.declared, self.clock = store, folder, declared, clock
        self._swept, self._lock = False, asyncio.Lock()

    async def find(self, guild_id: int | None, url: str, asked: str) -> CacheEntry | None:
        """The entry answering ``url`` asked as ``asked`` in this server, within the window."""
        if not (self.declared.enabled and guild_id):
            return None
        since = self.clock.now() - self.declared.window
        return await self.store.cache_find(guild_id, request_keys(url, asked), since)

    def files_of(self, entry: CacheEntry) -> list[Path] | None:
        """The entry's files on this machine's disk; None when it kept none or they are gone."""
        paths = [self.folder / entry.id / name for name in entry.files]
        return paths if paths and all(path.is_file() for path in paths) else None

    async def keep(self, job: Job, channel_id: int, message_id: int) -> CacheEntry | None:
        """Remember a delivered job's post, and its files when they fit the byte bound."""
        if not (self.declared.enabled and job.guild_id and job.files):
            return None
        async with self._lock:
            return await self._keep(job, channel_id, message_id)

    async def _keep(self, job: Job, channel_id: int, message_id: int) -> CacheEntry:
        """:meth:`keep`, one at a time (a sweep never meets a folder being made)."""
        await self._sweep()
        files = [Path(name) for name in job.files]
        size = sum(path.stat().st_size for path in files)
        now = self.clock.now()
        entry = CacheEntry(id=job.id, guild_id=job.guild_id, channel_id=channel_id,
                           message_id=message_id, url=job.url, variant=asked_of(job),
                           info=dict(job.info or {}), posted_at=now, used_at=now)  # fmt: skip
        if size <= self.declared.max_bytes:
            room = self.declared.max_bytes - size
            await self._remove(await self.store.cache_evict(room, now - self.declared.window))
            entry.files = await asyncio.to_thread(_link_all, files, self.folder / job.id)
            entry.size = size
        keys = result_keys(job.url, job.info, entry.variant)
        await self._remove(await self.store.cache_put(entry, keys))
        return entry

    async def moved(self, entry: CacheEntry, channel_id: int, message_id: int) -> None:
        """The entry's files were posted again: later repeats point at that post."""
        await self.store.cache_moved(entry.id, channel_id, message_id)

    async def forget(self, entry: CacheEntry) -> None:
        """Drop an entry whose files and post are both gone."""
        await self.store.cache_drop(entry.id)
        await self._remove([entry])

    async def sweep(self) -> None:
        """Remove folders no entry names (a crash between linking and committing), once."""
        async with self._lock:
            await self._sweep()

    async def _sweep(self) -> None:
        if self._swept:
            return
        self._swept = True
        named = {entry.id for entry in await self.store.cache_entries()}
        if self.folder.is_dir():
            gone = [p for p in self.folder.iterdir() if p.name not in named]
            await asyncio.to_thread(lambda: [shutil.rmtree(p, ignore_errors=True) for p in gone])

    async def _remove(self, entries: list[CacheEntry]) -> None:
        """Delete the folders of entries already deleted from the store."""
        folders = [self.folder / entry.id for entry in entries]
        await asyncio.to_thread(lambda: [shutil.rmtree(f, ignore_errors=True) for f in folders])
