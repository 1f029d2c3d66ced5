"""Which ffmpeg runs: the system's when on PATH, else the one shipped in imageio-ffmpeg."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bossbot.fit import binary
from bossbot.fit.binary import BUNDLED, SYSTEM, bundled_path, find_ffmpeg, locate, read_version


def test_the_system_ffmpeg_comes_first(tmp_path: Path) -> None:
    fake = tmp_path / "ffmpeg"
    fake.write_text("#!/bin/sh\necho 'ffmpeg version n6.1.2-static Copyright (c) 2000-2024'\n")
    fake.chmod(0o755)
    found = locate(lambda name: str(fake), lambda: None)
    assert found is not None
    assert (found.path, found.origin, found.version) == (fake, SYSTEM, "6.1.2")


def test_without_one_on_path_the_wheels_ffmpeg_is_used() -> None:
    found = locate(lambda name: None)
    assert found is not None
    assert found.origin == BUNDLED
    assert found.path == bundled_path()
    assert found.version.split(".")[0].isdigit()
    assert locate(lambda name: None, lambda: None) is None


def test_the_wheel_missing_means_no_bundled_ffmpeg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)
    assert bundled_path() is None


def test_find_ffmpeg_fails_clearly_when_there_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(binary, "locate", lambda: None)
    find_ffmpeg.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="imageio-ffmpeg"):
            find_ffmpeg()
    finally:
        find_ffmpeg.cache_clear()


def test_a_binary_that_does_not_run_has_an_unknown_version(tmp_path: Path) -> None:
    assert read_version(tmp_path / "missing") == "unknown"
    silent = tmp_path / "ffmpeg"
    silent.write_text("#!/bin/sh\necho hello\n")
    silent.chmod(0o755)
    assert read_version(silent) == "unknown"
