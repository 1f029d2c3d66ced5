"""``bossbot fetch``: one job end to end with the real fetchers against a loopback server."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from bossbot.cli import main
from bossbot.cli.common import settings_and_spec
from bossbot.cli.fetch import fetch_one
from bossbot.jobs import Job, SqliteStore
from tests.cli.conftest import ROOT
from tests.fakes.hostile import serve
from tests.fakes.jobs import until
from tests.fakes.made_media import decode_errors, noisy
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.slow


async def bossbot(*argv: str) -> int:
    """``main(argv)`` in a worker thread: it runs its own event loop, the server ours."""
    return await asyncio.to_thread(main, list(argv))


async def stored_jobs(data: Path) -> list[tuple[str, int, str | None]]:
    store = SqliteStore.in_dir(data)
    try:
        return [(job.state, job.attempt, job.error_kind) for job in await store.recent()]
    finally:
        await store.close()


async def test_fetch_leaves_a_byte_identical_file_and_shows_each_step(
    env: Path,
    media_server: MediaServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    assert await bossbot("fetch", url, "--out", "out") == 0
    assert (env / "out" / "clip.mp4").read_bytes() == clip_mp4()
    out, err = capsys.readouterr()
    assert out.splitlines() == [str(Path("out") / "clip.mp4")]
    lines = err.splitlines()
    assert lines[0].startswith("🕒 Queued as `")
    assert "⬇️ Downloading… ▰▰▰▰▰▰▰▰▰▰ 100 %" in err
    steps = ["🔎 Checking the files…", "⬆️ Uploading 1 file…", "✅ Done: 1 file."]
    tool = "🧰 yt-dlp, extractor Generic"  # which downloader took the link
    assert lines[-5:] == [*steps, tool, f"📎 <{url}>"]  # the caption: nothing more is known
    assert await stored_jobs(env.parent / "data") == [("done", 1, None)]
    assert list((env.parent / "data" / "tmp").iterdir()) == []


async def test_a_file_over_the_cap_is_fitted_and_the_caption_says_how(
    env: Path,
    media_server: MediaServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    big = noisy(tmp_path / "big.mp4", 2).read_bytes()  # about 7 MiB
    url = media_server.add("/big.mp4", big, content_type="video/mp4")
    assert await bossbot("fetch", url, "--out", "out", "--cap", "1MiB") == 0
    out, err = capsys.readouterr()
    [posted] = [env / line for line in out.splitlines()]
    assert posted.suffix == ".mp4"
    assert 0 < posted.stat().st_size <= 1024 * 1024 < len(big)
    assert decode_errors(posted) == ""
    assert "🗜️ Compressing…" in err
    assert err.splitlines()[-1].startswith("-# 🗜️ compressed ")


async def test_a_bad_cap_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        await bossbot("fetch", "https://example.com/a.mp4", "--cap", "ten megs")
    assert exited.value.code == 2
    assert "--cap: expected a size such as 10MiB" in capsys.readouterr().err


async def test_fetch_defaults_to_the_current_directory(
    env: Path, media_server: MediaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    assert await bossbot("fetch", url) == 0
    assert (env / "clip.mp4").read_bytes() == clip_mp4()


async def test_a_private_address_is_refused_with_one_line_and_no_request(
    env: Path, media_server: MediaServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    assert await bossbot("fetch", url) == 1
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        "⛔ That link points to a private or local address, which I don't fetch.\n",
    )
    assert media_server.hits() == 0
    assert os.listdir(env) == []


@pytest.mark.parametrize("path", ["/og-video", "/head-ok.mp4", "/segments.m3u8", "/pic.jpg"])
async def test_a_hostile_link_is_one_clear_line_and_the_private_host_sees_nothing(
    env: Path,
    media_server: MediaServer,
    private_server: MediaServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    path: str,
) -> None:
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "127.0.0.1/32")  # 127.0.0.1 plays public
    assert await bossbot("fetch", serve(media_server, private_server, path)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == (
        "⛔ That link points to a private or local address, which I don't fetch."
    )
    assert private_server.hits() == 0


async def test_a_missing_file_fails_the_job_with_its_message(
    env: Path,
    media_server: MediaServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    assert await bossbot("fetch", media_server.url("/gone.mp4")) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err.splitlines()[-1]
        == "🔍 Nothing is there: the post or file was not found. Check the link."
    )
    assert await stored_jobs(env.parent / "data") == [("failed", 1, "not_found")]


async def test_a_server_error_is_retried_and_then_the_job_is_done(
    env: Path, tmp_path: Path, media_server: MediaServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    commands = (ROOT / "commands.toml").read_text(encoding="utf-8")
    fast = tmp_path / "commands.toml"
    fast.write_text(commands.replace("backoff_base = 2 ", "backoff_base = 0.01 "), encoding="utf-8")
    monkeypatch.setenv("BOSSBOT_COMMANDS_FILE", str(fast))
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    url = media_server.add(
        "/clip.mp4", clip_mp4(), content_type="video/mp4", mode="status", status=503, times=1
    )
    assert await bossbot("fetch", url) == 0
    retry = "🔁 Attempt 1 of 3 failed: the site had a server error. Trying again in 0 s."
    assert retry in capsys.readouterr().err
    assert await stored_jobs(env.parent / "data") == [("done", 2, "site_down")]


async def test_interrupting_the_command_cancels_the_download_and_removes_its_files(
    env: Path, media_server: MediaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    url = media_server.add("/endless.mp4", b"\0" * 8192, mode="endless", content_type="video/mp4")
    settings, spec = settings_and_spec()
    task = asyncio.ensure_future(fetch_one(url, env, settings, spec))
    data = env.parent / "data"
    await until(lambda: media_server.hits("/endless.mp4") > 0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await stored_jobs(data) == [("cancelled", 1, None)]
    assert os.listdir(data / "tmp") == []
    assert os.listdir(env) == []


async def test_on_a_terminal_the_progress_bar_redraws_in_place(
    env: Path, media_server: MediaServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    assert await bossbot("fetch", url) == 0
    err = capsys.readouterr().err
    assert "\r⬇️ Downloading… ▰▰▰▰▰▰▰▰▰▰ 100 %" in err
    assert err.endswith(f"✅ Done: 1 file.\n🧰 yt-dlp, extractor Generic\n📎 <{url}>\n")


async def test_a_full_queue_refuses_the_job_with_its_message(
    env: Path, tmp_path: Path, media_server: MediaServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    commands = (ROOT / "commands.toml").read_text(encoding="utf-8")
    small = tmp_path / "commands.toml"
    small.write_text(commands.replace("max_queue = 50 ", "max_queue = 1 "), encoding="utf-8")
    monkeypatch.setenv("BOSSBOT_COMMANDS_FILE", str(small))
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    store = SqliteStore.in_dir(env.parent / "data")
    await store.insert(Job(id="other1", url="u", origin="cli", created_at=1, next_attempt_at=9e99))
    await store.close()
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    assert await bossbot("fetch", url) == 1
    assert capsys.readouterr().err.splitlines() == [
        "🚦 The queue is full (1 jobs). Try again when some have finished."
    ]
    assert media_server.hits() == 0
