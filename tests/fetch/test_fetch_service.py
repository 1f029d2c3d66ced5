"""fetch_media end to end (as in a worker, through the guard): routing, fallback, names."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bossbot.errors import BadMedia, BossError, NetworkError, SiteDown, Unsupported
from bossbot.fetch.service import fetch_media
from bossbot.media import validate
from bossbot.messages.errors import render_error
from bossbot.spec import Spec
from tests.fakes.guard import InProcessGuard, Recorder
from tests.fakes.media_files import clip_mp4, png
from tests.fakes.media_server import MediaServer
from tests.fetch.conftest import names, outside

pytestmark = pytest.mark.slow
CAP = 1_000_000


async def run(guard: InProcessGuard, url: str, dest: Path, spec: Spec, **kw: object) -> list[Path]:
    return await asyncio.to_thread(
        fetch_media, url, dest, spec=spec, cap=CAP, report=Recorder(), proxy=guard.proxy(), **kw
    )


async def test_a_redirect_is_followed_to_the_media(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    short = media_server.add("/s/abc", mode="redirect", location="/clip.mp4")
    files = await run(guard, short, job_dir, spec)
    assert [f.read_bytes() for f in files] == [clip_mp4()]


async def test_audio_gallery_dl_does_not_know_falls_back_to_yt_dlp(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    url = media_server.add("/tunes/song.m4a", clip_mp4(), content_type="audio/mp4")
    files = await run(guard, url, job_dir, spec)
    assert [f.name for f in files] == ["song.m4a"]
    assert files[0].read_bytes() == clip_mp4()


async def test_a_login_wall_one_tool_meets_is_handed_to_the_other(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    # 403 twice: to the redirect check's GET and to gallery-dl's; then the file is there
    url = media_server.add("/i/pic.png", png(), content_type="image/png", mode="status",
                           status=403, times=2)  # fmt: skip
    report = Recorder()
    files = await asyncio.to_thread(
        fetch_media, url, job_dir, spec=spec, cap=CAP, report=report, proxy=guard.proxy()
    )
    assert [f.read_bytes() for f in files] == [png()]
    assert report.tools == ["yt-dlp"]  # the second tool in the group's order got it


async def test_a_login_wall_every_tool_meets_names_the_site_for_the_member(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, spec: Spec, snapshot
) -> None:
    url = media_server.add("/i/pic.png", png(), content_type="image/png", mode="status",
                           status=403)  # fmt: skip
    with pytest.raises(BossError) as caught:
        await run(guard, url, job_dir, spec)
    assert caught.value.kind == "login_required"
    assert render_error(caught.value) == snapshot


async def test_a_page_without_media_is_unsupported_and_leaves_nothing(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    url = media_server.add("/about", b"<html><p>no media</p></html>", content_type="text/html")
    with pytest.raises(Unsupported):
        await run(guard, url, job_dir, spec)
    assert names(job_dir) == []


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
    guard: InProcessGuard,
    media_server: MediaServer,
    job_dir: Path,
    spec: Spec,
    path: str,
    body: bytes,
    kind: str,
) -> None:
    url = media_server.add(path, body, content_type=kind)
    files = validate(await run(guard, url, job_dir, spec), cap=CAP, dest=job_dir)
    assert [f.read_bytes() for f in files] == [body]
    assert all(f.parent == job_dir.resolve() for f in files)
    assert not any(f.name.startswith(".") for f in files)
    assert outside(job_dir) == []


async def test_an_unsafe_extension_is_replaced_by_the_real_type(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, spec: Spec
) -> None:
    url = media_server.add("/dl/setup.exe", png(), content_type="image/png")
    files = validate(await run(guard, url, job_dir, spec), cap=CAP, dest=job_dir)
    assert [f.name for f in files] == ["setup.png"]


async def test_a_script_posing_as_video_is_refused(
    guard: InProcessGuard, media_server: MediaServer, job_dir: Path, spec: Spec, snapshot
) -> None:
    url = media_server.add("/v/run.mp4", b"#!/bin/sh\necho owned\n", content_type="video/mp4")
    with pytest.raises(BadMedia) as caught:
        validate(await run(guard, url, job_dir, spec), cap=CAP, dest=job_dir)
    assert render_error(caught.value) == snapshot


@pytest.mark.parametrize(
    ("path", "body"),
    [("/v/clip.mp4", clip_mp4()), ("/i/pic.png", png())],
    ids=["yt-dlp", "gallery-dl"],
)
async def test_the_site_groups_cookies_are_sent_and_left_unchanged(
    guard: InProcessGuard,
    media_server: MediaServer,
    tmp_path: Path,
    job_dir: Path,
    spec: Spec,
    path: str,
    body: bytes,
) -> None:
    cookies = tmp_path / "cookies"
    cookies.mkdir()
    site = "direct_video" if path.endswith(".mp4") else "direct_image"
    jar = "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n"
    (cookies / f"{site}.txt").write_text(jar)
    url = media_server.add(path, body, content_type="application/octet-stream")
    files = await run(guard, url, job_dir, spec, cookies_dir=cookies)
    sent = [h.get("Cookie", "") for _, _, h in media_server.requests]
    assert any("session=abc123" in cookie for cookie in sent)
    assert (cookies / f"{site}.txt").read_text() == jar
    assert [f.name for f in files] == [Path(path).name]  # no copy of the jar is left behind


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
    guard: InProcessGuard,
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
        await run(guard, url, job_dir, spec)
    assert caught.value.transient
    assert names(job_dir) == []
    files = await run(guard, url, job_dir, spec)
    assert [f.read_bytes() for f in files] == [body]
