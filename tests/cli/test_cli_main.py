"""The ``bossbot`` command: verbs, exit codes, ``jobs``, settings and spec errors."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from bossbot.cli import main
from bossbot.cli.terminal import TerminalListener
from bossbot.fetch.base import Progress
from bossbot.jobs import Job, JobEvent, SqliteStore, diagram
from bossbot.messages.joblist import jobs_table
from tests.cli.conftest import ROOT


def test_jobs_diagram_prints_the_machine(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jobs", "--diagram"]) == 0
    assert capsys.readouterr().out == diagram()


def test_python_dash_m_bossbot_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bossbot", "jobs", "--diagram"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, diagram())


def test_jobs_without_a_database_says_there_are_none(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["jobs"]) == 0
    assert capsys.readouterr().out == "No jobs yet. Start one with `bossbot fetch URL`.\n"
    assert not (env.parent / "data").exists()


def test_jobs_lists_recent_jobs_newest_first(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = SqliteStore.in_dir(env.parent / "data")
    for n, (state, kind) in enumerate([("done", None), ("failed", "not_found"), ("queued", None)]):
        store._insert(
            Job(id=f"job00{n}", url="u", state=state, error_kind=kind, site="youtube", created_at=n)
        )
    store.conn.close()
    assert main(["jobs", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:5] for line in lines] == [
        ["id", "state", "tries", "site", "error"],
        ["job002", "queued", "1/3", "youtube", "-"],
        ["job001", "failed", "1/3", "youtube", "not_found"],
    ]


def test_the_jobs_table(snapshot: SnapshotAssertion) -> None:
    jobs = [
        Job(id="k3v9qa", url="u", state="fetching", attempt=2, site="youtube", created_at=990),
        Job(id="a1b2c3", url="u", state="failed", error_kind="too_large", created_at=-3000),
    ]
    assert jobs_table(jobs, now=1000) == snapshot


def test_a_bad_setting_is_one_line_and_exit_2(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "sometimes")
    assert main(["fetch", "https://example.com/a.mp4"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bossbot: BOSSBOT_ALLOW_PRIVATE_URLS is invalid")
    assert len(err.splitlines()) == 1


def test_an_unusable_data_dir_is_a_settings_error(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "file").write_text("not a folder")
    monkeypatch.setenv("BOSSBOT_DATA_DIR", str(env / "file"))
    monkeypatch.setenv("BOSSBOT_ALLOW_PRIVATE_URLS", "true")
    assert main(["fetch", "http://127.0.0.1:9/a.mp4"]) == 2
    assert capsys.readouterr().err.startswith("bossbot: BOSSBOT_DATA_DIR")


def test_an_invalid_commands_file_exits_1_with_its_errors(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "bad.toml").write_text("[limits]\nmax_queue = 0\n")
    monkeypatch.setenv("BOSSBOT_COMMANDS_FILE", str(env / "bad.toml"))
    assert main(["fetch", "https://example.com/a.mp4"]) == 1
    assert "bad.toml" in capsys.readouterr().err


def test_an_invalid_url_is_one_message_and_exit_1(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fetch", "--", "--exec=touch /tmp/x"]) == 1
    out, err = capsys.readouterr()
    assert (out, err.count("\n")) == ("", 1)
    assert err.startswith("❌")
    assert not (env.parent / "data").exists()


async def test_on_a_tty_progress_redraws_one_line() -> None:
    stream = io.StringIO()
    listener = TerminalListener(stream, tty=True)
    job = Job(id="k3v9qa", url="u")
    for done in (1, 2):
        await listener.on_update(job, JobEvent("progress", progress=Progress(done=done, total=2)))
    await listener.on_update(job, JobEvent("fetched"))
    text = stream.getvalue()
    assert text.count("\r") == 2
    assert text.count("\n") == 2  # the finished bar stays, then the next step
    assert text.endswith("100 % · 2 B of 2 B\x1b[K\n🔎 Checking the files…\n")


async def test_off_a_tty_every_update_is_a_plain_line() -> None:
    stream = io.StringIO()
    listener = TerminalListener(stream, tty=False)
    job = Job(id="k3v9qa", url="u")
    await listener.on_update(job, JobEvent("progress", progress=Progress(done=1, total=2)))
    await listener.on_update(job, JobEvent("fetched"))
    assert "\r" not in stream.getvalue()
    assert stream.getvalue().splitlines()[1] == "🔎 Checking the files…"


def test_ctrl_c_exits_130(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(coroutine: object) -> int:
        coroutine.close()  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    monkeypatch.setattr("bossbot.cli.fetch.asyncio.run", interrupted)
    assert main(["fetch", "https://example.com/a.mp4"]) == 130
