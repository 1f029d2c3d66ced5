"""Fixtures of the CLI tests: a clean environment and working directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in ``tmp_path/work`` with the shipped commands.toml and ``tmp_path/data``."""
    for name in list(os.environ):
        if name.startswith("BOSSBOT_"):
            monkeypatch.delenv(name)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("BOSSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BOSSBOT_COMMANDS_FILE", str(ROOT / "commands.toml"))
    return work
