"""Fixtures of the fetch tests (the media server fixture comes from tests/conftest.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bossbot.spec import Spec

COMMANDS = Path(__file__).resolve().parents[2] / "commands.toml"


@pytest.fixture(scope="session")
def spec() -> Spec:
    """The site groups of the shipped ``commands.toml``."""
    return Spec.model_validate(tomllib.loads(COMMANDS.read_text(encoding="utf-8")))


@pytest.fixture
def job_dir(tmp_path: Path) -> Path:
    """A job's own temp folder, inside a parent that must stay untouched."""
    folder = tmp_path / "job"
    folder.mkdir()
    return folder


def outside(job: Path) -> list[Path]:
    """Everything in the job folder's parent except the job folder itself."""
    return [p for p in job.parent.rglob("*") if p != job and job not in p.parents]


def names(folder: Path) -> list[str]:
    """Names of what is in ``folder``, sorted."""
    return sorted(p.name for p in folder.iterdir())


def exists(path: str) -> bool:
    """Whether ``path`` exists (a helper so async tests need no blocking call of their own)."""
    return Path(path).exists()
