"""Downloads in worker processes: confined, killable, measured, never the bot's problem."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from bossbot.errors import PrivateAddress, TooLarge, TooMuchData, WorkerCrashed, WorkerMemory
from bossbot.workers.zygote_client import SHARED
from tests.fakes.media_files import clip_mp4, png
from tests.fakes.media_server import MediaServer
from tests.workers.conftest import fetch, running

pytestmark = [pytest.mark.slow, pytest.mark.timeout(90)]
MIB = 1024 * 1024


def alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stat(pid: int) -> list[str]:
    """Fields of /proc/PID/stat after the command name (0: state, 2: group, 16: nice)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


async def test_a_clip_is_fetched_in_a_worker_and_checked_in_another(
    make_workers, media_server: MediaServer, tmp_path: Path
) -> None:
    workers = await make_workers()
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    files, seen = await fetch(workers, url, tmp_path / "job")
    assert [f.read_bytes() for f in files] == [clip_mp4()]
    assert seen[-1].done == len(clip_mp4())
    assert (await workers.validate(files, cap=10**6, dest=tmp_path / "job")).files == files
    assert workers.running == set()


async def test_a_worker_has_its_own_group_a_lower_priority_and_dies_on_cancel(
    make_workers, media_server: MediaServer, tmp_path: Path
) -> None:
    workers = await make_workers()
    url = media_server.add("/endless.png", png() * 100, content_type="image/png", mode="endless")
    (dest := tmp_path / "job").mkdir()
    seen: list[object] = []
    task = asyncio.ensure_future(
        workers.fetch(url, dest, spec=workers.spec, cap=10**9, on_progress=seen.append)
    )
    pid = await running(workers)
    while not seen:  # the download is under way
        await asyncio.sleep(0.01)
    fields = stat(pid)
    assert int(fields[2]) == pid  # its own process group: killed as a whole
    assert int(fields[16]) == os.nice(0) + workers.spec.budgets.nice
    started = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    while alive(pid) and time.monotonic() - started < 2:
        await asyncio.sleep(0.02)
    assert not alive(pid)  # gone within 2 s
    assert await media_server.wait_closed_early("/endless.png")


async def test_a_worker_killed_from_outside_fails_its_step_clearly(
    make_workers, media_server: MediaServer, tmp_path: Path
) -> None:
    workers = await make_workers()
    url = media_server.add("/endless.mp4", clip_mp4(), content_type="video/mp4", mode="endless")
    task = asyncio.ensure_future(fetch(workers, url, tmp_path / "job", cap=10**9))
    os.kill(await running(workers), signal.SIGKILL)  # the kernel's OOM killer, say
    with pytest.raises(WorkerCrashed) as caught:
        await task
    assert "-9" in caught.value.detail


@pytest.mark.parametrize(
    ("fit", "limit"),
    [({"enabled": False}, 3 * MIB), ({"max_download": "2MiB"}, 4 * MIB)],
    ids=["the-cap", "what-fitting-may-shrink"],
)
async def test_an_endless_page_stops_at_the_byte_budget(
    make_workers, media_server: MediaServer, tmp_path: Path, fit: dict[str, Any], limit: int
) -> None:
    workers = await make_workers(fit, overhead="2MiB")
    url = media_server.add("/page", b"<p>hi</p>" * 1000, content_type="text/html", mode="endless")
    with pytest.raises(TooMuchData) as caught:
        await fetch(workers, url, tmp_path / "job", cap=MIB)
    assert caught.value.data == {"limit": limit}


async def test_a_page_too_big_for_the_memory_ceiling_stops_the_worker_not_the_bot(
    make_workers, media_server: MediaServer, tmp_path: Path
) -> None:
    workers = await make_workers(overhead="1GiB", memory="128MiB")
    page = b"<html>" + b"<p>" * (80 * MIB // 3)  # read whole by yt-dlp's generic extractor
    url = media_server.add("/page", page, content_type="text/html")
    with pytest.raises((WorkerMemory, TooLarge)) as caught:
        await fetch(workers, url, tmp_path / "job", cap=MIB)
    assert isinstance(caught.value, WorkerMemory)
    assert caught.value.data == {"limit": 128 * MIB}


async def test_an_embedded_private_address_is_blamed_when_the_download_fails(
    make_workers, media_server: MediaServer, private_server: MediaServer, tmp_path: Path
) -> None:
    workers = await make_workers()
    secret = private_server.add("/v.mp4", clip_mp4(), content_type="video/mp4")
    page = f'<html><head><meta property="og:video" content="{secret}"></head></html>'
    url = media_server.add("/post", page.encode(), content_type="text/html")
    with pytest.raises(PrivateAddress):
        await fetch(workers, url, tmp_path / "job")
    assert private_server.hits() == 0


async def test_the_zygote_comes_back_after_it_died(
    make_workers, media_server: MediaServer, tmp_path: Path
) -> None:
    workers = await make_workers()
    assert SHARED.process is not None
    SHARED.process.kill()
    SHARED.process.wait()
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    files, _ = await fetch(workers, url, tmp_path / "job")
    assert [f.read_bytes() for f in files] == [clip_mp4()]


async def test_the_bot_token_never_reaches_a_worker(
    make_workers, monkeypatch: pytest.MonkeyPatch
) -> None:
    SHARED.stop()  # the next zygote starts from this test's environment
    monkeypatch.setenv("BOSSBOT_DISCORD_TOKEN", "MTIz.secret.token")
    await make_workers()
    assert SHARED.process is not None
    environ = Path(f"/proc/{SHARED.process.pid}/environ").read_bytes()
    assert b"MTIz.secret.token" not in environ
    assert "BOSSBOT_DISCORD_TOKEN" not in os.environ
