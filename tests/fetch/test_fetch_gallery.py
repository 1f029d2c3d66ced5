"""Real gallery-dl runs (a child process each) against the loopback media server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bossbot.errors import NotFound, TooLarge, Unsupported
from bossbot.fetch import FetchRequest, GalleryDlFetcher, Progress
from tests.fakes.media_files import noise, png
from tests.fakes.media_server import MediaServer
from tests.fetch.conftest import names

pytestmark = pytest.mark.slow
PNG = "image/png"
BIG = png(16, 16) + noise(150_000)  # a PNG header, then enough bytes to pass small caps


async def fetch(url: str, dest: Path, cap: int = 1_000_000) -> tuple[list[Path], list[Progress]]:
    seen: list[Progress] = []
    files = await GalleryDlFetcher().fetch(FetchRequest(url, dest, cap), seen.append)
    return files, seen


async def test_an_image_arrives_byte_identical_with_progress(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/pics/cat.png", png(32, 32), content_type=PNG)
    files, seen = await fetch(url, job_dir)
    assert [f.name for f in files] == ["cat.png"]
    assert files[0].read_bytes() == png(32, 32)
    assert seen[-1].done == len(png(32, 32))
    assert seen[-1].file_index == 1


@pytest.mark.parametrize("mode", ["normal", "chunked"])
async def test_a_file_over_the_cap_is_refused_and_nothing_is_left(
    media_server: MediaServer, job_dir: Path, mode: str
) -> None:
    url = media_server.add("/big.png", BIG, content_type=PNG, mode=mode)
    with pytest.raises(TooLarge) as caught:
        await fetch(url, job_dir, cap=40_000)
    assert caught.value.data["name"] == "big.png"
    assert caught.value.data["limit"] == 40_000
    assert caught.value.data["size"] > 40_000
    assert names(job_dir) == []


async def test_an_endless_stream_is_cut_at_the_cap(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/endless.png", BIG, content_type=PNG, mode="endless")
    with pytest.raises(TooLarge):
        await fetch(url, job_dir, cap=100_000)
    assert await media_server.wait_closed_early("/endless.png")
    assert names(job_dir) == []


async def test_a_missing_file_is_a_permanent_not_found(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/gone.png", mode="status", status=404)
    with pytest.raises(NotFound) as caught:
        await fetch(url, job_dir)
    assert not caught.value.transient


async def test_a_url_no_extractor_knows_is_unsupported_without_a_request(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/page", b"<html></html>", content_type="text/html")
    with pytest.raises(Unsupported):
        await fetch(url, job_dir)
    assert media_server.hits() == 0


async def test_cancel_while_fetching_kills_gallery_dl(
    media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/endless.png", BIG, content_type=PNG, mode="endless")
    started = asyncio.Event()
    request = FetchRequest(url, job_dir, cap=10**9)
    task = asyncio.create_task(
        GalleryDlFetcher().fetch(request, lambda p: p.done and started.set())
    )
    await asyncio.wait_for(started.wait(), 15)
    task.cancel()
    done, _ = await asyncio.wait([task], timeout=5)
    assert task in done
    assert task.cancelled()
    assert await media_server.wait_closed_early("/endless.png")
    assert names(job_dir) == []
