"""A real executor, store and delivery feed the metrics through MetricsListener."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bossbot.errors import NotFound
from bossbot.jobs import Executor, FolderDelivery, JobRequest, SqliteStore
from bossbot.ops import Metrics, MetricsListener
from bossbot.settings import Settings
from tests.fakes.jobs import FakeFetch, make_spec, passthrough, write


async def test_jobs_run_by_the_executor_show_up_in_the_scrape(tmp_path: Path) -> None:
    store = SqliteStore.in_dir(tmp_path / "data")
    metrics = Metrics(store.counts)
    executor = Executor(
        store,
        spec=make_spec(attempts=1),
        settings=Settings(data_dir=tmp_path / "data", allow_private_urls=True),
        fetch=FakeFetch(write("a.mp4", b"x" * 3000), NotFound("gone")),
        validate=passthrough,
        delivery=FolderDelivery(tmp_path / "out"),
        listeners=[MetricsListener(metrics)],
    )
    await executor.start()
    try:
        first = await executor.submit(JobRequest(url="https://x.test/a.mp4", cap=10_000))
        assert (await asyncio.wait_for(executor.wait(first.id), 10)).state == "done"
        second = await executor.submit(JobRequest(url="https://x.test/b.mp4", cap=10_000))
        assert (await asyncio.wait_for(executor.wait(second.id), 10)).state == "failed"
    finally:
        await executor.stop()
    lines = (await metrics.render()).splitlines()
    await store.close()
    assert 'bossbot_jobs{state="done"} 1' in lines
    assert 'bossbot_jobs{state="failed"} 1' in lines
    assert "bossbot_downloaded_bytes_total 3000" in lines
    assert "bossbot_uploaded_bytes_total 3000" in lines
    assert 'bossbot_job_failures_total{kind="not_found"} 1' in lines
