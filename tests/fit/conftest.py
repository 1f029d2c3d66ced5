"""Media made by the tests with the wheel's ffmpeg (lavfi sources) and Pillow; never downloaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.fit import MediaInfo, probe
from bossbot.spec import Fit
from tests.fakes.made_media import FFMPEG, clip, decode_errors, make, noisy

__all__ = ["FFMPEG", "clip", "decode_errors", "make", "noisy"]

CAP = 10_485_760  # boost tier 0
TIERS = {"0": CAP, "1": CAP, "2": 50 * 1024 * 1024, "3": 100 * 1024 * 1024}


def info(path: Path) -> MediaInfo:
    """The parsed report of ``path``."""
    return probe(path)


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for media shared by the session's tests."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def big_clip(media: Path) -> Path:
    """About 14 MiB of H.264 + AAC in MP4, 4 s: over the 10 MiB of boost tier 0."""
    return noisy(media / "big.mp4", 4)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """Where fitted files go (created by the fitting itself)."""
    return tmp_path / "fit"


@pytest.fixture
def fit() -> Fit:
    """The default ``[fit]`` table."""
    return Fit()
