"""Fitting runs in the worker: a cancel mid-encode stops ffmpeg with its worker."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.fakes.made_media import noisy
from tests.workers.conftest import running

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
MIB = 1024 * 1024


def group_of(pgid: int) -> dict[int, str]:
    """The live processes of process group ``pgid``, by pid, with their command names."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            name = (entry / "comm").read_text().strip()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and fields[0] != "Z" and int(fields[2]) == pgid:
            found[int(entry.name)] = name
    return found


async def test_a_cancel_during_an_encode_kills_ffmpeg_within_two_seconds(
    make_workers, tmp_path: Path
) -> None:
    workers = await make_workers({"preset": "slower", "threads": 1})
    (dest := tmp_path / "job").mkdir()
    source = noisy(dest / "noisy.mp4", 8)  # about 28 MiB: a 1 MiB cap needs a re-encode
    seen: list = []
    task = asyncio.ensure_future(
        workers.validate([source], cap=MIB, dest=dest, on_progress=seen.append)
    )
    pid = await running(workers)
    while not any(progress.stage == "compress" for progress in seen):
        assert not task.done(), "the step ended before its encode was seen"
        await asyncio.sleep(0.02)
    assert "ffmpeg" in " ".join(group_of(pid).values())  # the encode runs in the worker's group
    started = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    while group_of(pid) and time.monotonic() - started < 2:
        await asyncio.sleep(0.02)
    assert group_of(pid) == {}  # worker and ffmpeg gone within 2 s
