"""Metrics: what a Prometheus scrape reads after jobs ran, and the exact text format."""

from __future__ import annotations

from pathlib import Path

from bossbot.errors import NetworkError, NotFound, TooLarge
from bossbot.jobs import Job, JobEvent
from bossbot.ops import Metrics, MetricsListener
from bossbot.ops.exposition import Family, render
from bossbot.ops.listener import total_size


def _files(folder: Path, *sizes: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, size in enumerate(sizes):
        path = folder / f"f{n}.bin"
        path.write_bytes(b"x" * size)
        paths.append(str(path))
    return paths


async def _run(listener: MetricsListener, job: Job, *names: str) -> None:
    for name in names:
        await listener.on_update(job, JobEvent(name))


async def test_a_delivered_job_counts_bytes_down_and_up(tmp_path: Path) -> None:
    metrics = Metrics()
    listener = MetricsListener(metrics)
    fetched = Job(id="a", url="u", files=_files(tmp_path / "a", 1000, 24))
    validated = Job(id="a", url="u", files=fetched.files[:1])  # validation dropped one
    delivered = Job(id="a", url="u", files=[str(tmp_path / "wiped")])  # temp dir is gone
    await _run(listener, fetched, "queued", "start", "progress", "fetched")
    await _run(listener, validated, "validated")
    await _run(listener, delivered, "delivered")
    assert (metrics.downloaded, metrics.uploaded) == (1024, 1000)


async def test_an_upload_retried_with_its_kept_files_counts_its_bytes(tmp_path: Path) -> None:
    metrics = Metrics()
    listener = MetricsListener(metrics)
    kept = Job(id="r", url="u", files=_files(tmp_path / "r", 300))
    await _run(listener, kept, "fetched", "validated")
    await listener.on_update(kept, JobEvent("retry", error=NetworkError("busy")))
    await _run(listener, kept, "start")  # the next attempt only uploads the kept files
    await _run(listener, Job(id="r", url="u", files=[str(tmp_path / "wiped")]), "delivered")
    assert (metrics.downloaded, metrics.uploaded) == (300, 300)


def test_sizes_skip_files_that_are_gone(tmp_path: Path) -> None:
    assert total_size([*_files(tmp_path, 7, 3), str(tmp_path / "gone")]) == 10


async def test_failures_and_retries_count_by_error_kind(tmp_path: Path) -> None:
    metrics = Metrics()
    listener = MetricsListener(metrics)
    job = Job(id="b", url="u", files=_files(tmp_path / "b", 10))
    await _run(listener, job, "fetched", "validated")
    await listener.on_update(job, JobEvent("retry", error=NetworkError("reset")))
    await listener.on_update(job, JobEvent("retry", error=NetworkError("reset")))
    await listener.on_update(job, JobEvent("fail", error=NotFound("404")))
    recovered = Job(id="c", url="u", error_kind="internal")
    await listener.on_update(recovered, JobEvent("fail"))
    await listener.on_update(Job(id="d", url="u"), JobEvent("fail"))
    await _run(listener, job, "delivered")  # sizes were forgotten at the retry
    assert dict(metrics.retries) == {"network": 2}
    assert dict(metrics.failures) == {"not_found": 1, "internal": 1, "unknown": 1}
    assert metrics.uploaded == 0


async def test_a_cancelled_job_uploads_nothing_and_leaves_nothing_behind(tmp_path: Path) -> None:
    listener = MetricsListener(Metrics())
    job = Job(id="e", url="u", files=_files(tmp_path / "e", 5))
    await _run(listener, job, "fetched", "validated", "cancel")
    assert listener.metrics.uploaded == 0
    assert listener._sizes == {}


async def test_the_scrape_text_after_some_jobs(tmp_path: Path, snapshot) -> None:
    metrics = Metrics(
        counts=lambda: counted({"queued": 3, "fetching": 2, "done": 40, "failed": 1}),
        latency=lambda: {1: 0.0425, 0: 0.031},
        labels={"role": "gateway", "shards": "0-1"},
    )
    listener = MetricsListener(metrics)
    job = Job(id="f", url="u", files=_files(tmp_path / "f", 2048))
    await _run(listener, job, "fetched", "validated", "delivered")
    await listener.on_update(job, JobEvent("fail", error=TooLarge("big")))
    await listener.on_update(job, JobEvent("retry", error=NetworkError("x")))
    assert await metrics.render() == snapshot


async def test_the_scrape_text_of_a_fresh_bot(snapshot) -> None:
    assert await Metrics().render() == snapshot


async def counted(counts: dict[str, int]) -> dict[str, int]:
    """What a store's ``counts()`` gives."""
    return counts


def test_label_values_and_special_numbers_are_escaped() -> None:
    families = [
        Family("m", "gauge", "Help.", [({"k": 'a"b\\c\nd'}, 1.5), ({"k": "n"}, float("nan"))]),
        Family("i", "gauge", "Inf.", [({}, float("inf")), ({}, float("-inf")), ({}, 2.0)]),
    ]
    assert render(families).splitlines() == [
        "# HELP m Help.",
        "# TYPE m gauge",
        'm{k="a\\"b\\\\c\\nd"} 1.5',
        'm{k="n"} NaN',
        "# HELP i Inf.",
        "# TYPE i gauge",
        "i +Inf",
        "i -Inf",
        "i 2",
    ]
