"""Hostile links against the real workers and guard: the private host is never reached.

A "public" server on 127.0.0.1 serves what an attacker controls; a "private" one on
127.0.0.2 plays the cloud metadata endpoint and records every request. The workers may
reach 127.0.0.1 only (as with ``BOSSBOT_ALLOW_PRIVATE_URLS=127.0.0.1/32``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.errors import PrivateAddress
from tests.fakes.hostile import serve
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer
from tests.workers.conftest import fetch

pytestmark = [pytest.mark.slow, pytest.mark.timeout(90)]


@pytest.mark.parametrize(
    "path",
    ["/video-tag", "/og-video", "/refresh", "/json-ld", "/segments.m3u8", "/key.m3u8",
     "/dash.mpd", "/head-ok.mp4", "/pic.jpg"],
)  # fmt: skip
async def test_a_page_pointing_at_a_private_address_never_reaches_it(
    make_workers,
    media_server: MediaServer,
    private_server: MediaServer,
    tmp_path: Path,
    path: str,
) -> None:
    workers = await make_workers()
    url = serve(media_server, private_server, path)
    with pytest.raises(PrivateAddress):
        await fetch(workers, url, tmp_path / "job")
    assert private_server.hits() == 0


@pytest.mark.parametrize(
    "host", ["127.0.0.2", "[::ffff:127.0.0.2]", "2130706434", "0x7f.0.0.2", "[::ffff:7f00:2]"]
)
async def test_every_spelling_of_a_private_address_is_refused_by_the_guard(
    make_workers, private_server: MediaServer, tmp_path: Path, host: str
) -> None:
    workers = await make_workers()
    private_server.add("/v.mp4", clip_mp4(), content_type="video/mp4")
    with pytest.raises(PrivateAddress):
        await fetch(workers, f"http://{host}:{private_server.port}/v.mp4", tmp_path / "job")
    assert private_server.hits() == 0
