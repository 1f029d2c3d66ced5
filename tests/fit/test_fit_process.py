"""ffmpeg runs with fixed options on local files only, at lower priority, and can be stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bossbot.errors import BadMedia
from bossbot.fit import Ffmpeg, FitProgress, fit_file, probe
from bossbot.fit import process as process_module
from bossbot.fit.process import FfmpegFailed, run_ffmpeg, source
from bossbot.spec import Fit
from tests.fit.conftest import CAP, make

FAKE = """#!/bin/sh
printf '%s\\n' "$@" > "{out}/argv"
cut -d' ' -f5 /proc/$$/stat > "{out}/pgid"
cut -d' ' -f19 /proc/$$/stat > "{out}/nice"
printf 'out_time_us=500000\\nprogress=continue\\nout_time_us=1000000\\nprogress=end\\n'
exit {code}
"""


def _fake_ffmpeg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int = 0) -> Path:
    script = tmp_path / "ffmpeg"
    script.write_text(FAKE.format(out=tmp_path, code=code))
    script.chmod(0o755)
    monkeypatch.setattr(process_module, "find_ffmpeg", lambda: Ffmpeg(script, "system", "9"))
    return script


def _processes(field: int, value: int, command: str = "") -> list[str]:
    """Live processes (named ``command``, if given) whose stat ``field`` is ``value``.

    Fields: 1 the parent, 2 the process group.
    """
    found = []
    for entry in Path("/proc").iterdir():
        try:
            name, rest = (entry / "stat").read_text().split(" (", 1)[1].rsplit(")", 1)
        except (OSError, IndexError, ValueError):
            continue
        fields = rest.split()
        if command in name and int(fields[field]) == value and fields[0] != "Z":
            found.append(entry.name)
    return found


def test_the_command_line_holds_only_fixed_options_and_file_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_ffmpeg(tmp_path, monkeypatch)
    src = tmp_path / "-rf clip.mp4"  # a name that would read as an option
    src.write_bytes(b"x")
    reports: list[FitProgress] = []
    run_ffmpeg([*source(src, 2), "-f", "null", "-"], niceness=7, total=1.0,
               on_progress=reports.append)  # fmt: skip
    argv = (tmp_path / "argv").read_text().splitlines()
    assert argv[:7] == ["-hide_banner", "-nostdin", "-y", "-v", "error", "-nostats", "-progress"]
    assert argv[argv.index("-protocol_whitelist") + 1] == "file,pipe"
    assert "hls" not in argv[argv.index("-format_whitelist") + 1].split(",")
    assert argv[argv.index("-threads") + 1] == "2"
    assert argv[argv.index("-i") + 1] == f"file:{src}"
    assert int((tmp_path / "pgid").read_text()) == os.getpgrp()  # killed with its worker
    assert int((tmp_path / "nice").read_text()) == min(19, os.nice(0) + 7)
    assert [(r.done, r.fraction) for r in reports] == [(0.5, 0.5), (1.0, 1.0)]


def test_a_failed_run_removes_its_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_ffmpeg(tmp_path, monkeypatch, code=1)
    out = tmp_path / "half.mp4"
    out.write_bytes(b"partial")
    with pytest.raises(FfmpegFailed):
        run_ffmpeg(["-f", "null", "-"], niceness=0, output=out)
    assert not out.exists()


def test_a_playlist_inside_a_file_never_opens_a_url(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        playlist = tmp_path / "evil.m3u8"
        playlist.write_text(
            f"#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nhttp://127.0.0.1:{port}/x.ts\n"
            "#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n"
        )
        with pytest.raises(BadMedia):
            probe(playlist)
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.fixture(scope="module")
def slow_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 s of MPEG-4 Part 2 at 640x360: it must be re-encoded, which takes seconds."""
    return make(
        tmp_path_factory.mktemp("slow") / "slow.mkv",
        "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=20", "-c:v", "mpeg4", "-q:v", "2",
    )  # fmt: skip


@pytest.mark.slow
def test_raising_from_the_progress_callback_stops_ffmpeg_and_leaves_no_file(
    slow_source: Path, tmp_path: Path
) -> None:
    def stop(progress: FitProgress) -> None:
        raise KeyboardInterrupt

    workdir = tmp_path / "fit"
    with pytest.raises(KeyboardInterrupt):
        fit_file(slow_source, cap=CAP, fit=Fit(), workdir=workdir, on_progress=stop)
    assert list(workdir.iterdir()) == []
    assert _processes(1, os.getpid(), "ffmpeg") == []  # no ffmpeg left behind


WORKER = """
import sys
from pathlib import Path
from bossbot.fit import fit_file
from bossbot.spec import Fit
def tell(progress):
    print(progress.done, flush=True)
fit_file(Path(sys.argv[1]), cap=10_485_760, fit=Fit(), workdir=Path(sys.argv[2]), on_progress=tell)
"""


@pytest.mark.slow
def test_killing_the_workers_process_group_stops_ffmpeg(slow_source: Path, tmp_path: Path) -> None:
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(slow_source), str(tmp_path / "fit")],
        stdout=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    assert worker.stdout is not None
    worker.stdout.readline()  # the encode is under way
    assert len(_processes(2, worker.pid)) == 2  # the worker and its ffmpeg
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    deadline = time.monotonic() + 5
    while _processes(2, worker.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes(2, worker.pid) == []
