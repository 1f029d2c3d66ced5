"""``bossbot doctor``: one line per check, exit 0 / 1 / 2, and ``--live`` for containers."""

from __future__ import annotations

import asyncio
import base64
import re
from datetime import date
from pathlib import Path

import pytest
import yt_dlp.version

from bossbot.cli import main
from bossbot.fit import locate
from bossbot.jobs import SqliteStore
from bossbot.ops import Metrics, start_metrics_server
from bossbot.ops import doctor as doctor_module
from bossbot.ops.tools import module_version, release_date
from tests.cli.conftest import ROOT

TOKEN = base64.b64encode(b"123456789012345678").decode() + ".GhIjKl.not-a-real-secret"
VERSIONS = dict.fromkeys((module_version("yt_dlp"), module_version("gallery_dl")), "<version>")
BUNDLED = locate(lambda name: None)


class _ReleaseDay(date):
    """``date.today()`` on yt-dlp's release day, so its age never changes the output."""

    @classmethod
    def today(cls) -> date:
        released = release_date(yt_dlp.version.__version__)
        assert released is not None
        return released


@pytest.fixture
def setup(env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working set-up: token, ffmpeg on PATH; returns the tmp root to normalise."""
    tools = env.parent / "bin"
    tools.mkdir()
    (tools / "ffmpeg").write_text("#!/bin/sh\n")
    (tools / "ffmpeg").chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    monkeypatch.setenv("BOSSBOT_DISCORD_TOKEN", TOKEN)
    monkeypatch.setattr(doctor_module, "date", _ReleaseDay)
    return env.parent


def _normalised(text: str, root: Path) -> str:
    text = text.replace(str(root), "<tmp>").replace(str(ROOT), "<repo>")
    text = re.sub(r"\d+ commands, \d+ roles", "<n> commands, <n> roles", text)
    text = re.sub(r"commands\.toml:\d+:", "commands.toml:<line>:", text)
    text = re.sub(r"(?<=deno       )\d+\.\d+\.\d+", "<version>", text)
    if BUNDLED is not None:
        text = text.replace(f"ffmpeg     {BUNDLED.version} bundled", "ffmpeg     <version> bundled")
    for version, mark in VERSIONS.items():
        text = re.sub(rf"(?<= ){re.escape(str(version))}$", mark, text, flags=re.M)
    return text


def test_a_healthy_set_up_passes_every_check(setup: Path, monkeypatch, capsys, snapshot) -> None:
    SqliteStore.in_dir(setup / "data").conn.close()
    monkeypatch.setenv("BOSSBOT_LOG_DIR", str(setup / "logs"))
    monkeypatch.setenv("BOSSBOT_METRICS_ADDR", "127.0.0.1:9100")
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert TOKEN not in out
    assert _normalised(out, setup) == snapshot


def test_warnings_alone_still_exit_0(setup: Path, monkeypatch, capsys, snapshot) -> None:
    monkeypatch.setenv("PATH", str(setup / "empty"))
    assert main(["doctor"]) == 0
    assert _normalised(capsys.readouterr().out, setup) == snapshot


def test_failures_exit_1_and_say_what_to_do(setup: Path, monkeypatch, capsys, snapshot) -> None:
    monkeypatch.delenv("BOSSBOT_DISCORD_TOKEN")
    monkeypatch.setenv("PATH", str(setup / "empty"))
    broken = setup / "commands.toml"
    text = (ROOT / "commands.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace("max_queue = 50", "max_queue = 0"), encoding="utf-8")
    monkeypatch.setenv("BOSSBOT_COMMANDS_FILE", str(broken))
    (setup / "data").write_text("not a folder")
    assert main(["doctor"]) == 1
    assert _normalised(capsys.readouterr().out, setup) == snapshot


def test_a_malformed_setting_is_one_line_and_exit_2(setup: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BOSSBOT_METRICS_ADDR", "localhost")
    assert main(["doctor"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "bossbot: BOSSBOT_METRICS_ADDR is invalid: expected host:port such as "
        "127.0.0.1:9100, got 'localhost'\n"
    )


async def test_live_asks_the_running_bots_healthz(setup: Path, monkeypatch, capsys) -> None:
    alive = [True]
    server = await start_metrics_server(
        "127.0.0.1:0", Metrics(), lambda: None if alive[0] else "gateway down"
    )
    assert server is not None
    monkeypatch.setenv("BOSSBOT_METRICS_ADDR", f"127.0.0.1:{server.port}")
    try:
        healthy = await asyncio.to_thread(main, ["doctor", "--live"])
        alive[0] = False
        unhealthy = await asyncio.to_thread(main, ["doctor", "--live"])
    finally:
        await server.stop()
    assert (healthy, unhealthy) == (0, 1)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "ok",
        f"bot not healthy: http://127.0.0.1:{server.port}/healthz did not answer 200",
    ]


def test_live_without_the_endpoint_runs_the_checks(setup: Path, capsys) -> None:
    assert main(["doctor", "--live"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "all checks passed"
