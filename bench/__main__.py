"""``uv run python -m bench [--quick]``: run every benchmark, print the table, write JSON."""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from bench.autodetect import autodetect
from bench.cache import cache_hits
from bench.egress import egress
from bench.figures import Figure, table, write_json
from bench.fit import fit
from bench.latency import latency
from bench.machine import ROOT, machine
from bench.pipeline import MiB, pipeline
from bench.scale import scale
from bench.startup import startup
from bench.storescale import store_scale


@dataclass(frozen=True)
class Mode:
    """How much of each benchmark to run."""

    commands: int  # per kind, command and pacing
    jobs: tuple[tuple[int, int], ...]  # (count, bytes) per pipeline run; the last one: resources
    startups: int
    store_jobs: int
    warm_cache: bool = True  # fill the bytecode cache before timing start-up
    settle: float = 2.0  # seconds between the bot's start and the first timed command
    fit_clip: tuple[int, str] = (60, "1920x1080")  # seconds and size of the clip to fit
    egress: tuple[int, int, int] = (10, 50 * 1024**2, 50)  # files, bytes each, start-ups
    scale: tuple[int, int, float] = (60, 100_000, 5.0)  # jobs per run, jobs stored, I/O s
    auto: tuple[int, int] = (80, 10)  # timed $help per phase, rounds of off then on


MODES = {
    "full": Mode(200, ((50, 5 * MiB), (10, 50 * MiB)), 3, 10_000),
    "quick": Mode(
        20,
        ((5, 5 * MiB), (3, 50 * MiB)),
        1,
        10_000,
        fit_clip=(20, "1920x1080"),
        egress=(4, 50 * MiB, 20),
        scale=(30, 100_000, 5.0),
        auto=(20, 4),
    ),
    "smoke": Mode(
        2,
        ((1, 1 * MiB), (1, 2 * MiB)),
        1,
        1_000,
        warm_cache=False,
        settle=0,
        fit_clip=(2, "320x180"),
        egress=(2, 1 * MiB, 3),
        scale=(5, 2_000, 0.5),
        auto=(4, 1),
    ),
}
SECTIONS = ("startup", "latency", "cache", "auto", "pipeline", "egress", "store", "fit", "scale")


async def run(
    mode: Mode, sections: tuple[str, ...], rate: float, concurrency: int, timings: dict
) -> list[Figure]:
    """Run the chosen sections in order; return their figures (seconds into ``timings``)."""
    steps = {
        "startup": lambda: startup(mode.startups, warm_cache=mode.warm_cache),
        "latency": lambda: latency(mode.commands, rate, settle=mode.settle),
        "cache": lambda: cache_hits(mode.commands, rate),
        "auto": lambda: autodetect(*mode.auto, settle=mode.settle),
        "pipeline": lambda: pipeline(list(mode.jobs), concurrency),
        "egress": lambda: egress(*mode.egress),
        "store": lambda: asyncio.to_thread(store_scale, mode.store_jobs),
        "fit": lambda: fit(*mode.fit_clip),
        "scale": lambda: scale(*mode.scale),
    }
    figures: list[Figure] = []
    for name in SECTIONS:
        if name in sections:
            started = time.monotonic()
            figures += await steps[name]()
            timings[name] = round(time.monotonic() - started, 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Parse options, run, print the table and write the JSON file."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_const", const="quick", dest="mode")
    smoke = "tiny sizes: checks that every figure is produced (tests)"
    parser.add_argument("--smoke", action="store_const", const="smoke", dest="mode", help=smoke)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--rate", type=float, default=20.0, help="paced commands per second")
    parser.add_argument("--concurrency", type=int, default=10, help="downloads at once")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args(argv)
    mode_name = args.mode or "full"
    started = time.monotonic()
    timings: dict[str, float] = {}
    mode = MODES[mode_name]
    figures = asyncio.run(run(mode, tuple(args.only), args.rate, args.concurrency, timings))
    meta = {**machine(), "mode": mode_name, "seconds": round(time.monotonic() - started, 1),
            "sections": timings, "date": time.strftime("%Y-%m-%d")}  # fmt: skip
    print(table(figures))
    print(f"\n{meta['cores']} cores, {meta['cpu']}, {meta['ram_gib']} GiB RAM, "
          f"Python {meta['python']}; {mode_name} run took {meta['seconds']} s")  # fmt: skip
    write_json(args.out, figures, meta)
    print(f"JSON: {args.out}")
    missed = [fig.name for fig in figures if fig.ok is False]
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
