"""Real gallery-dl runs (embedded, as in a worker) against the loopback media server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bossbot.errors import NotFound, TooLarge, Unsupported
from bossbot.fetch import FetchRequest
from bossbot.fetch.gallery import download
from bossbot.fetch.gallery.runner import CHUNK_SLACK
from tests.fakes.guard import InProcessGuard, Recorder
from tests.fakes.media_files import noise, png
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.slow
PNG = "image/png"
BIG = png(16, 16) + noise(150_000)  # a PNG header, then enough bytes to pass small caps


async def fetch(
    guard: InProcessGuard, url: str, dest: Path, cap: int = 1_000_000
) -> tuple[list[Path], Recorder]:
    report = Recorder()
    request = FetchRequest(url, dest, cap, proxy=guard.proxy())
    return await asyncio.to_thread(download, request, report), report


async def test_an_image_arrives_byte_identical_with_progress(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/pics/cat.png", png(32, 32), content_type=PNG)
    files, report = await fetch(guard, url, job_dir)
    assert [f.name for f in files] == ["cat.png"]
    assert files[0].read_bytes() == png(32, 32)
    assert report.seen[-1].done == len(png(32, 32))
    assert report.seen[-1].file_index == 1
    assert report.files == files


@pytest.mark.parametrize("mode", ["normal", "chunked"])
async def test_a_file_over_the_cap_is_refused(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, mode: str
) -> None:
    url = media_server.add("/big.png", BIG, content_type=PNG, mode=mode)
    with pytest.raises(TooLarge) as caught:
        await fetch(guard, url, job_dir, cap=40_000)
    assert caught.value.data["name"] == "big.png"
    assert caught.value.data["limit"] == 40_000
    assert caught.value.data["size"] > 40_000


async def test_an_endless_stream_stops_within_one_read_of_the_cap(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/endless.png", BIG, content_type=PNG, mode="endless")
    with pytest.raises(TooLarge) as caught:
        await fetch(guard, url, job_dir, cap=100_000)
    assert 100_000 < caught.value.data["size"] <= 100_000 + CHUNK_SLACK


async def test_a_missing_file_is_a_permanent_not_found(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/gone.png", mode="status", status=404)
    with pytest.raises(NotFound) as caught:
        await fetch(guard, url, job_dir)
    assert not caught.value.transient


async def test_a_url_no_extractor_knows_is_unsupported_without_a_request(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path
) -> None:
    url = media_server.add("/page", b"<html></html>", content_type="text/html")
    with pytest.raises(Unsupported):
        await fetch(guard, url, job_dir)
    assert media_server.hits() == 0
