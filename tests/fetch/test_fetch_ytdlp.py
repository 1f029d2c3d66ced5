"""Real yt-dlp runs (as in a worker) against the loopback media server, through the guard."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bossbot.errors import NotFound, TooLarge, Unsupported
from bossbot.fetch import FetchRequest
from bossbot.fetch.ytdlp import download
from tests.fakes.guard import InProcessGuard, Recorder
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer
from tests.fetch.conftest import names

pytestmark = pytest.mark.slow
MP4 = "video/mp4"


async def fetch(
    guard: InProcessGuard, url: str, dest: Path, cap: int = 1_000_000
) -> tuple[list[Path], Recorder]:
    report = Recorder()
    request = FetchRequest(url, dest, cap, proxy=guard.proxy())
    return await asyncio.to_thread(download, request, report), report


async def test_a_clip_arrives_byte_identical_with_progress(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    files, report = await fetch(guard, url, job_dir)
    assert [f.name for f in files] == ["clip.mp4"]
    assert files[0].read_bytes() == clip_mp4()
    assert report.seen[-1].done == report.seen[-1].total == len(clip_mp4())
    assert [f.name for f in report.files] == ["clip.mp4"]  # the guard's budget grows by it
    assert names(job_dir) == ["clip.mp4"]


@pytest.mark.parametrize("mode", ["normal", "chunked"])
async def test_a_file_over_the_cap_is_refused(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, mode: str
) -> None:
    body = clip_mp4() * 30  # about 150 KiB
    url = media_server.add("/big.mp4", body, content_type=MP4, mode=mode)
    with pytest.raises(TooLarge) as caught:
        await fetch(guard, url, job_dir, cap=40_000)
    assert caught.value.data["limit"] == 40_000
    assert caught.value.data["size"] > 40_000
    if mode == "normal":  # Content-Length known: refused before the body is read
        assert caught.value.data["size"] == len(body)
    assert not caught.value.transient


async def test_an_endless_stream_is_cut_at_the_cap(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/endless.mp4", clip_mp4(), content_type=MP4, mode="endless")
    with pytest.raises(TooLarge):
        await fetch(guard, url, job_dir, cap=100_000)
    assert await media_server.wait_closed_early("/endless.mp4")


async def test_a_missing_file_is_a_permanent_not_found(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/gone.mp4", mode="status", status=404)
    with pytest.raises(NotFound) as caught:
        await fetch(guard, url, job_dir)
    assert not caught.value.transient


async def test_a_page_without_media_is_unsupported(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/about", b"<html><p>no media</p></html>", content_type="text/html")
    with pytest.raises(Unsupported):
        await fetch(guard, url, job_dir)
