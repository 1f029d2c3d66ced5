"""Media made by the tests with the wheel's ffmpeg (lavfi sources); never downloaded."""

from __future__ import annotations

import subprocess
from pathlib import Path

import imageio_ffmpeg

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()


def make(out: Path, *args: str) -> Path:
    """Run the wheel's ffmpeg with ``args`` writing ``out``; return ``out``."""
    subprocess.run([FFMPEG, "-v", "error", "-y", *args, str(out)], check=True, timeout=60)
    return out


def decode_errors(path: Path) -> str:
    """What ffmpeg complains about when decoding all of ``path`` (empty: it plays)."""
    done = subprocess.run(
        [FFMPEG, "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return done.stderr


def clip(out: Path, seconds: float = 1, size: str = "160x120", *extra: str) -> Path:
    """A short H.264 + AAC clip with motion (testsrc2) and a tone."""
    return make(
        out, "-f", "lavfi", "-i", f"testsrc2=s={size}:r=25:d={seconds}",
        "-f", "lavfi", "-i", f"sine=f=440:d={seconds}", *extra, "-shortest",
    )  # fmt: skip


def noisy(out: Path, seconds: int) -> Path:
    """H.264 (lossless, so heavy noise makes it big: 3.5 MiB a second) + AAC, 320x240."""
    return make(
        out,
        "-f", "lavfi", "-i", f"testsrc2=s=320x240:r=30:d={seconds},noise=alls=60:allf=t+u",
        "-f", "lavfi", "-i", f"sine=f=440:d={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-c:a", "aac", "-shortest",
    )  # fmt: skip


def dash(folder: Path, seconds: int = 2) -> dict[str, bytes]:
    """A DASH presentation whose video and audio are separate files (they must be merged).

    Returns the files by name: ``manifest.mpd``, then per stream (0: video only, 1: audio
    only) its ``init-streamN.m4s`` and ``chunk-streamN-0000K.m4s`` segments.
    """
    folder.mkdir(parents=True, exist_ok=True)
    make(
        folder / "manifest.mpd",
        "-f", "lavfi", "-i", f"testsrc2=s=320x240:r=25:d={seconds}",
        "-f", "lavfi", "-i", f"sine=f=440:d={seconds}", "-map", "0:v", "-map", "1:a",
        "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
        "-f", "dash",
    )  # fmt: skip
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}
