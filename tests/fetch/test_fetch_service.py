"""fetch_media end to end: the URL policy, routing, fallback, names and the user messages."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
import respx

from bossbot.errors import (
    BadMedia,
    BossError,
    NetworkError,
    PrivateAddress,
    SiteDown,
    Unsupported,
)
from bossbot.fetch import addresses, fetch_media
from bossbot.media import validate
from bossbot.messages.errors import render_error
from bossbot.spec import Spec
from tests.fakes.media_files import clip_mp4, png
from tests.fakes.media_server import MediaServer
from tests.fetch.conftest import exists, names, outside

pytestmark = pytest.mark.slow
CAP = 1_000_000

BAD_INPUT = [
    "--exec=touch /tmp/x",
    "file:///etc/passwd",
    "ftp://x",
    "http://127.0.0.1",
    "http://[::1]",
    "http://[::ffff:127.0.0.1]",
    "http://2130706433",
    "http://0x7f.1",
    "http://169.254.169.254",
    "http://127.0.0.1:{port}/clip.mp4",
    "http://[::ffff:127.0.0.1]:{port}/clip.mp4",
    "http://2130706433:{port}/clip.mp4",
    "http://0x7f.1:{port}/clip.mp4",
    "http://localhost:{port}/clip.mp4",
]


async def run(url: str, dest: Path, spec: Spec, *, allow_private: bool = True) -> list[Path]:
    return await fetch_media(
        url, dest, spec=spec, allow_private=allow_private, cap=CAP, on_progress=lambda p: None
    )


async def test_bad_input_is_refused_before_any_request_with_one_clear_message(
    media_server: MediaServer, job_dir: Path, spec: Spec, snapshot
) -> None:
    media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    messages = {}
    for text in BAD_INPUT:
        with pytest.raises(BossError) as caught:
            await run(text.format(port=media_server.port), job_dir, spec, allow_private=False)
        messages[text] = f"{caught.value.kind}: {render_error(caught.value)}"
    assert messages == snapshot
    assert media_server.hits() == 0
    assert not exists("/tmp/x")  # noqa: S108
    assert names(job_dir) == []
    assert outside(job_dir) == []


async def test_a_redirect_from_a_public_host_to_loopback_is_refused(
    job_dir: Path, spec: Spec, respx_mock: respx.MockRouter, monkeypatch, snapshot
) -> None:
    async def lookup(host: str, port: int) -> list[addresses.IPAddress]:
        return [ipaddress.ip_address("93.184.215.14" if host == "t.co" else host)]

    monkeypatch.setattr(addresses, "lookup", lookup)
    respx_mock.head("https://t.co/abc").respond(302, headers={"Location": "http://127.0.0.1/x"})
    with pytest.raises(PrivateAddress) as caught:
        await run("https://t.co/abc", job_dir, spec, allow_private=False)
    assert render_error(caught.value) == snapshot
    assert len(respx_mock.calls) == 1


async def test_a_redirect_is_followed_to_the_media(
    media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    short = media_server.add("/s/abc", mode="redirect", location="/clip.mp4")
    files = await run(short, job_dir, spec)
    assert [f.read_bytes() for f in files] == [clip_mp4()]


async def test_audio_gallery_dl_does_not_know_falls_back_to_yt_dlp(
    media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    url = media_server.add("/tunes/song.m4a", clip_mp4(), content_type="audio/mp4")
    files = await run(url, job_dir, spec)
    assert [f.name for f in files] == ["song.m4a"]
    assert files[0].read_bytes() == clip_mp4()


async def test_a_page_without_media_is_unsupported(
    media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    url = media_server.add("/about", b"<html><p>no media</p></html>", content_type="text/html")
    with pytest.raises(Unsupported):
        await run(url, job_dir, spec)


@pytest.mark.parametrize(
    ("path", "body", "kind"),
    [
        ("/v/..%2F..%2Fx.mp4", clip_mp4(), "video/mp4"),
        ("/i/..%2F..%2F.x.png", png(), "image/png"),
        ("/i/a%20b%3B%20rm%20-rf%20%7E%3B.png", png(), "image/png"),
    ],
    ids=["yt-dlp-dotdot", "gallery-dl-dotdot-hidden", "gallery-dl-shell-chars"],
)
async def test_names_from_urls_cannot_escape_the_job_folder(
    media_server: MediaServer, job_dir: Path, spec: Spec, path: str, body: bytes, kind: str
) -> None:
    url = media_server.add(path, body, content_type=kind)
    files = validate(await run(url, job_dir, spec), cap=CAP, dest=job_dir)
    assert [f.read_bytes() for f in files] == [body]
    assert all(f.parent == job_dir.resolve() for f in files)  # noqa: ASYNC240
    assert not any(f.name.startswith(".") for f in files)
    assert outside(job_dir) == []


async def test_an_unsafe_extension_is_replaced_by_the_real_type(
    media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    url = media_server.add("/dl/setup.exe", png(), content_type="image/png")
    files = validate(await run(url, job_dir, spec), cap=CAP, dest=job_dir)
    assert [f.name for f in files] == ["setup.png"]


async def test_a_script_posing_as_video_is_refused(
    media_server: MediaServer, job_dir: Path, spec: Spec, snapshot
) -> None:
    url = media_server.add("/v/run.mp4", b"#!/bin/sh\necho owned\n", content_type="video/mp4")
    with pytest.raises(BadMedia) as caught:
        validate(await run(url, job_dir, spec), cap=CAP, dest=job_dir)
    assert render_error(caught.value) == snapshot


@pytest.mark.parametrize(
    ("path", "body"),
    [("/v/clip.mp4", clip_mp4()), ("/i/pic.png", png())],
    ids=["yt-dlp", "gallery-dl"],
)
async def test_the_site_groups_cookies_are_sent_and_left_unchanged(
    media_server: MediaServer, tmp_path: Path, job_dir: Path, spec: Spec, path: str, body: bytes
) -> None:
    cookies = tmp_path / "cookies"
    cookies.mkdir()
    site = "direct_video" if path.endswith(".mp4") else "direct_image"
    jar = "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n"
    (cookies / f"{site}.txt").write_text(jar)
    url = media_server.add(path, body, content_type="application/octet-stream")
    await fetch_media(
        url,
        job_dir,
        spec=spec,
        allow_private=True,
        cap=CAP,
        on_progress=lambda p: None,
        cookies_dir=cookies,
    )
    sent = [h.get("Cookie", "") for _, _, h in media_server.requests]
    assert any("session=abc123" in cookie for cookie in sent)
    assert (cookies / f"{site}.txt").read_text() == jar


# yt-dlp fetches a direct link with two GETs (extraction, then download); gallery-dl with one.
@pytest.mark.parametrize(
    ("path", "body", "mode", "times", "error"),
    [
        ("/v/busy.mp4", clip_mp4(), "status", 1, SiteDown),
        ("/i/busy.png", png(), "status", 1, SiteDown),
        ("/v/drop.mp4", clip_mp4() * 10, "drop", 2, NetworkError),
        ("/i/drop.png", png() * 50, "drop", 1, NetworkError),
    ],
    ids=["yt-dlp-503", "gallery-dl-503", "yt-dlp-dropped", "gallery-dl-dropped"],
)
async def test_a_transient_failure_leaves_nothing_and_the_next_try_succeeds(
    media_server: MediaServer,
    job_dir: Path,
    spec: Spec,
    path: str,
    body: bytes,
    mode: str,
    times: int,
    error: type[BossError],
) -> None:
    kind = "video/mp4" if path.endswith(".mp4") else "image/png"
    url = media_server.add(path, body, content_type=kind, mode=mode, status=503, times=times)
    with pytest.raises(error) as caught:
        await run(url, job_dir, spec)
    assert caught.value.transient
    assert names(job_dir) == []
    files = await run(url, job_dir, spec)
    assert [f.read_bytes() for f in files] == [body]
