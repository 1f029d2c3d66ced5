"""Fitting: encode speed, quality (SSIM) and peak memory of squeezing a clip into 10 MiB.

The source has real motion and detail: a Mandelbrot zoom with film-grain noise, at a
social-video bitrate (8 Mb/s), made once and kept in ``bench/results``. The fit runs in
a fresh Python process (:mod:`bench.fit_worker`), as in a worker, with the default
``[fit]`` table.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import imageio_ffmpeg

from bench.config import python_env
from bench.figures import Figure
from bench.machine import ROOT

MiB = 1024**2
CAP = 10 * MiB
RESULTS = ROOT / "bench" / "results"


def source(seconds: int, size: str) -> Path:
    """The source clip, made once per length and size (it takes minutes at 1080p)."""
    path = RESULTS / f"fit-source-{seconds}s-{size}.mp4"
    if path.exists():
        return path
    RESULTS.mkdir(parents=True, exist_ok=True)
    picture = f"mandelbrot=s={size}:r=30,noise=alls=6:allf=t+u,format=yuv420p"
    subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y",
         "-f", "lavfi", "-i", picture, "-f", "lavfi", "-i", "sine=f=440:r=48000",
         "-t", str(seconds), "-c:v", "libx264", "-preset", "veryfast", "-b:v", "8M",
         "-maxrate", "10M", "-bufsize", "16M", "-c:a", "aac", "-b:a", "128k",
         str(path.with_suffix(".part.mp4"))],
        check=True, timeout=1800,
    )  # fmt: skip
    path.with_suffix(".part.mp4").rename(path)
    return path


def ssim(fitted: Path, original: Path, size: str) -> float:
    """SSIM (all planes) of ``fitted``, scaled back to the source size, against the source."""
    width, height = size.split("x")
    graph = f"[0:v]scale={width}:{height}:flags=bicubic[a];[a][1:v]ssim"
    done = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(fitted), "-i", str(original),
         "-lavfi", graph, "-f", "null", "-"],
        capture_output=True, text=True, check=True, timeout=1800,
    )  # fmt: skip
    match = re.search(r"All:([\d.]+)", done.stderr)
    return float(match.group(1)) if match else 0.0


def run_worker(clip: Path, cap: int, workdir: Path) -> dict[str, float]:
    """Fit ``clip`` in a fresh Python process; its timings, memory and result."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.fit_worker", str(clip), str(cap), str(workdir)],
        capture_output=True, text=True, check=True, timeout=1800, env=python_env(), cwd=ROOT,
    )  # fmt: skip
    return json.loads(done.stdout)


def measure(seconds: int, size: str, workdir: Path) -> list[Figure]:
    """Make (or reuse) the source, fit it into 10 MiB (a third of it when smaller), report."""
    clip = source(seconds, size)
    cap = min(CAP, clip.stat().st_size // 3)
    run = run_worker(clip, cap, workdir)
    quality = ssim(Path(str(run["path"])), clip, size)
    label = f"{seconds} s {size.split('x')[1]}p"
    peak = run["tree_kib"] * 1024 / 1e6
    return [
        Figure("fit.speed", f"fit {label}: encode s per s of video", run["wall"] / seconds, "x",
               "<= 0.5", f"wall clock, preset veryfast, {run['attempts']} encode(s), "
               f"-> {run['height']}p"),
        Figure("fit.cpu", f"fit {label}: CPU s per s of video", run["cpu"] / seconds, "x", "",
               "ffmpeg user+system; / cores = wall on an idle machine"),
        Figure("fit.size", f"fit {label}: output / cap", run["size"] / cap, "x", "<= 1",
               f"cap {cap / MiB:.2f} MiB, source {clip.stat().st_size / MiB:.1f} MiB"),
        Figure("fit.ssim", f"fit {label}: SSIM vs source", quality, "", ">= 0.95",
               "output scaled back to the source size"),
        Figure("fit.rss_peak", f"fit {label}: peak RSS of the worker tree", peak, "MB", "< 512",
               "the worker plus ffmpeg, sampled from /proc every 10 ms"),
    ]  # fmt: skip


async def fit(seconds: int, size: str) -> list[Figure]:
    """The fit section (blocking work in a thread)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-fit-") as tmp:
        return await asyncio.to_thread(measure, seconds, size, Path(tmp))
