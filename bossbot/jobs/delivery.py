"""What frontends plug in: a Delivery for the uploading step, listeners for updates."""

from __future__ import annotations

import asyncio
import filecmp
import os
import shutil
from pathlib import Path
from typing import Protocol

from bossbot.jobs.model import Job, JobEvent


class Delivery(Protocol):
    """Hands the validated files of a job to the user.

    ``deliver`` may run again for the same job after a crash (same ``job.upload_nonce``):
    it must be idempotent, e.g. Discord uploads with the nonce and ``enforce_nonce``.
    """

    async def deliver(self, job: Job, batches: list[list[Path]]) -> None:
        """Deliver every batch (one Discord message each, at most 10 files per batch).

        Raises:
            bossbot.errors.BossError: Transient errors (DiscordBusy...) retry the job.
        """
        ...


class JobListener(Protocol):
    """Receives every state change and (throttled) progress report of jobs."""

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """React to ``event``; ``job`` is the row as written by that event."""
        ...


def _place(folder: Path, source: Path) -> Path | None:
    """Where ``source`` goes in ``folder``; None when an identical copy is already there."""
    stem, suffix, number = source.stem, source.suffix, 1
    target = folder / source.name
    while target.exists():
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            return None
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    return target


class FolderDelivery:
    """The command line's delivery: copies the files into a folder.

    Idempotent: a file whose identical copy is already in the folder is not copied again;
    a different file of the same name is kept and the new one gets a ``(1)`` suffix.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.delivered: list[Path] = []

    async def deliver(self, job: Job, batches: list[list[Path]]) -> None:
        """Copy every file of every batch into the folder."""
        await asyncio.to_thread(self._copy_all, job, [f for batch in batches for f in batch])

    def _copy_all(self, job: Job, files: list[Path]) -> None:
        """Copy each file via a temporary name, so a crash never leaves half a file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for source in files:
            target = _place(self.folder, source)
            if target is None:
                self.delivered.append(self.folder / source.name)
                continue
            partial = self.folder / f".{target.name}.{job.upload_nonce}.part"
            shutil.copyfile(source, partial)
            os.replace(partial, target)
            self.delivered.append(target)
