"""The benchmark runs end to end and reports every figure (its timings are not tested)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ACK = [
    f"ack.{kind}.{command}.{pace}.{pct}"
    for command in ("health", "dl")
    for pace in ("paced", "burst")
    for kind in ("prefix", "slash")
    for pct in ("p50", "p99")
] + ["ack.prefix.dl.calm.p50", "ack.prefix.dl.calm.p99"]
FIGURES = [
    "startup.synced",
    "startup.cold",
    *ACK,
    "cache.hit.p50",
    "cache.hit.p99",
    "auto.busy.off.p99",
    "auto.busy.on.p99",
    "auto.scan",
    *(f"pipeline.{run}.{what}" for run in ("small", "large") for what in ("bot", "cli", "ratio")),
    "resources.rss_peak",
    "resources.workers_peak",
    "resources.total_peak",
    "resources.cpu",
    "resources.cpu_per_gib",
    *(
        f"egress.{key}"
        for key in (
            "direct",
            "guarded",
            "wall_ratio",
            "cpu_direct",
            "cpu_guarded",
            "cpu_ratio",
            "start_p50",
            "start_p99",
        )
    ),
    "store.queue_view",
    "store.positions",
    "store.queued_list",
    "store.transition",
    "store.enqueue",
    "store.counts",
    "store.loop_cost",
    "fit.speed",
    "fit.cpu",
    "fit.size",
    "fit.ssim",
    "fit.rss_peak",
    *(f"scale.jobs_per_min.{workers}" for workers in (1, 2, 3)),
    "scale.speedup",
    "scale.claim.p99",
    "scale.transition.p99",
    "scale.queue_view.p99",
]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_the_smoke_run_prints_and_writes_every_figure_beside_its_target(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip

    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: some target missed
    report = json.loads(out.read_text())
    figures = {figure["key"]: figure for figure in report["figures"]}
    assert list(figures) == FIGURES
    for figure in figures.values():
        assert math.isfinite(figure["value"]), figure
        assert figure["name"] in done.stdout
        assert (figure["ok"] is None) == (not figure["target"])  # a verdict beside each target
    assert figures["ack.prefix.dl.burst.p99"]["target"] == "< 1000"
    assert report["meta"]["cores"] >= 1
    assert report["meta"]["mode"] == "smoke"
