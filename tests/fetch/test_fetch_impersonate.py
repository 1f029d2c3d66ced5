"""yt-dlp's curl-cffi handler (libcurl, not Python sockets) is held by the guard as well."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from yt_dlp.networking.impersonate import ImpersonateTarget

from bossbot.fetch.ytdlp.extractors import new_downloader
from tests.fakes.guard import InProcessGuard
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.slow


def fetch_impersonating(url: str, proxy: str, dest: Path) -> None:
    """Download ``url`` the way sites behind bot protection are fetched: as Chrome."""
    params = {"proxy": proxy, "impersonate": ImpersonateTarget("chrome"), "quiet": True,
              "paths": {"home": str(dest)}, "retries": 0}  # fmt: skip
    with new_downloader(params) as ydl:
        assert "CurlCFFI" in ydl._request_director.handlers  # the libcurl handler is in play
        ydl.extract_info(url, download=True)


async def test_an_impersonated_download_goes_through_the_guard(
    guard: InProcessGuard, media_server: MediaServer, tmp_path: Path
) -> None:
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    await asyncio.to_thread(fetch_impersonating, url, guard.proxy(), tmp_path)
    assert guard.ledger.tokens["job"].requests == media_server.hits() > 0
    assert [p.read_bytes() for p in tmp_path.iterdir()] == [clip_mp4()]


async def test_an_impersonated_request_to_a_private_host_is_refused(
    guard: InProcessGuard, private_server: MediaServer, tmp_path: Path
) -> None:
    url = private_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    with pytest.raises(Exception, match="403"):
        await asyncio.to_thread(fetch_impersonating, url, guard.proxy(), tmp_path)
    assert private_server.hits() == 0
    assert guard.violations[0][1] == "private"
