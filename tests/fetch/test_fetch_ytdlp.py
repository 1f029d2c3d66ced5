"""Real yt-dlp runs against the loopback media server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bossbot.errors import NotFound, TooLarge, Unsupported
from bossbot.fetch import FetchRequest, Progress, YtDlpFetcher
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer
from tests.fetch.conftest import names

pytestmark = pytest.mark.slow
MP4 = "video/mp4"


async def fetch(url: str, dest: Path, cap: int = 1_000_000) -> tuple[list[Path], list[Progress]]:
    seen: list[Progress] = []
    files = await YtDlpFetcher().fetch(FetchRequest(url, dest, cap), seen.append)
    return files, seen


async def test_a_clip_arrives_byte_identical_with_progress(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    files, seen = await fetch(url, job_dir)
    assert [f.name for f in files] == ["clip.mp4"]
    assert files[0].read_bytes() == clip_mp4()
    assert seen[-1].done == seen[-1].total == len(clip_mp4())
    assert names(job_dir) == ["clip.mp4"]


@pytest.mark.parametrize("mode", ["normal", "chunked"])
async def test_a_file_over_the_cap_is_refused_and_nothing_is_left(
    media_server: MediaServer, job_dir: Path, mode: str
) -> None:
    body = clip_mp4() * 30  # about 150 KiB
    url = media_server.add("/big.mp4", body, content_type=MP4, mode=mode)
    with pytest.raises(TooLarge) as caught:
        await fetch(url, job_dir, cap=40_000)
    assert caught.value.data["limit"] == 40_000
    assert caught.value.data["size"] > 40_000
    if mode == "normal":  # Content-Length known: refused before the body is read
        assert caught.value.data["size"] == len(body)
    assert not caught.value.transient
    assert names(job_dir) == []


async def test_an_endless_stream_is_cut_at_the_cap(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/endless.mp4", clip_mp4(), content_type=MP4, mode="endless")
    with pytest.raises(TooLarge):
        await fetch(url, job_dir, cap=100_000)
    assert await media_server.wait_closed_early("/endless.mp4")
    assert names(job_dir) == []


async def test_a_missing_file_is_a_permanent_not_found(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/gone.mp4", mode="status", status=404)
    with pytest.raises(NotFound) as caught:
        await fetch(url, job_dir)
    assert not caught.value.transient


async def test_a_page_without_media_is_unsupported(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/page.html", b"<html><p>hello</p></html>", content_type="text/html")
    with pytest.raises(Unsupported):
        await fetch(url, job_dir)


async def test_cancel_while_fetching_stops_the_download(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/endless.mp4", clip_mp4(), content_type=MP4, mode="endless")
    started = asyncio.Event()
    request = FetchRequest(url, job_dir, cap=10**9)
    task = asyncio.create_task(YtDlpFetcher().fetch(request, lambda p: started.set()))
    await asyncio.wait_for(started.wait(), 10)
    task.cancel()
    done, _ = await asyncio.wait([task], timeout=5)
    assert task in done
    assert task.cancelled()
    assert await media_server.wait_closed_early("/endless.mp4")
    assert names(job_dir) == []
