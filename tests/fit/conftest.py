"""Media made by the tests with the wheel's ffmpeg (lavfi sources) and Pillow; never downloaded."""

from __future__ import annotations

import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest

from bossbot.fit import MediaInfo, probe
from bossbot.spec import Fit

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
CAP = 10_485_760  # boost tier 0
TIERS = {"0": CAP, "1": CAP, "2": 50 * 1024 * 1024, "3": 100 * 1024 * 1024}


def make(out: Path, *args: str) -> Path:
    """Run the wheel's ffmpeg with ``args`` writing ``out``; return ``out``."""
    subprocess.run([FFMPEG, "-v", "error", "-y", *args, str(out)], check=True, timeout=60)
    return out


def clip(out: Path, seconds: float = 1, size: str = "160x120", *extra: str) -> Path:
    """A short H.264 + AAC clip with motion (testsrc2) and a tone."""
    return make(
        out, "-f", "lavfi", "-i", f"testsrc2=s={size}:r=25:d={seconds}",
        "-f", "lavfi", "-i", f"sine=f=440:d={seconds}", *extra, "-shortest",
    )  # fmt: skip


def decode_errors(path: Path) -> str:
    """What ffmpeg complains about when decoding all of ``path`` (empty: it plays)."""
    done = subprocess.run(
        [FFMPEG, "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return done.stderr


def info(path: Path) -> MediaInfo:
    """The parsed report of ``path``."""
    return probe(path)


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for media shared by the session's tests."""
    return tmp_path_factory.mktemp("media")


def noisy(out: Path, seconds: int) -> Path:
    """H.264 (lossless, so heavy noise makes it big: 3.5 MiB a second) + AAC, 320x240."""
    return make(
        out,
        "-f", "lavfi", "-i", f"testsrc2=s=320x240:r=30:d={seconds},noise=alls=60:allf=t+u",
        "-f", "lavfi", "-i", f"sine=f=440:d={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-c:a", "aac", "-shortest",
    )  # fmt: skip


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
