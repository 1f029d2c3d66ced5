"""The command line's delivery: files copied into a folder."""

from __future__ import annotations

import asyncio
import filecmp
import os
import shutil
from pathlib import Path

from bossbot.jobs.model import Job


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
    """Copies each batch into a folder.

    Posting again is harmless, so :meth:`find` reports nothing: a file whose identical
    copy is already in the folder is not copied again; a different file of the same name
    is kept and the new one gets a ``(1)`` suffix.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.delivered: list[Path] = []

    async def find(self, job: Job, count: int) -> set[int]:
        """No batch needs skipping: copying is idempotent."""
        return set()

    async def post(self, job: Job, index: int, count: int, files: list[Path]) -> None:
        """Copy the files of one batch into the folder."""
        await asyncio.to_thread(self._copy_all, job, files)

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
