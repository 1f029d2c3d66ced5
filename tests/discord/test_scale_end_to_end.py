"""Past one machine, end to end: two gateway processes on two shards, two workers, PostgreSQL.

The fake Discord has two guilds, one per shard. Each gateway process runs one shard
(``bossbot run --no-workers --shard-count 2 --shards N``); two ``bossbot worker`` processes
run the jobs. 40 downloads come from both guilds while the queue holds at most 30; one
worker is killed with SIGKILL mid-run; the gateway of shard 0 is replaced by a new process.
Discord sends a guild's commands only to the process holding its shard, so "the other
gateway" that cancels a job here is the process that replaced the one that admitted it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from tests.discord.conftest import ROOT
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

MAX_QUEUE, JOBS, SECONDS_PER_JOB = 30, 40, 3
FINAL = ("✅", "🚦", "🛑")
Request = tuple[int, str]  # channel id, request message id


async def spawn(env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    """``python -m bossbot ARGS``; its log goes to ``process.log`` in its data dir."""
    data = Path(env["BOSSBOT_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    with (data / "process.log").open("ab") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bossbot", *args, env=env, cwd=data, stdout=log, stderr=log
        )


def replies(fake: FakeDiscord, request: Request, *, files: bool) -> list[dict]:
    """The bot's replies to one request: its status message, or its posts with files."""
    channel, request_id = request
    return [
        m for m in fake.messages(channel, author_id=fake.bot_id)
        if (m.get("message_reference") or {}).get("message_id") == request_id
        and bool(m["attachments"]) == files
    ]  # fmt: skip


def status(fake: FakeDiscord, request: Request) -> str:
    """The request's status text ('' until the bot answered)."""
    found = replies(fake, request, files=False)
    return found[0]["content"] if found else ""


async def until(condition: Callable[[], bool], seconds: float) -> None:
    """Wait until ``condition()`` holds; fail after ``seconds``."""
    async with asyncio.timeout(seconds):
        while not condition():
            await asyncio.sleep(0.05)


async def watch_queue(url: str, peak: list[int]) -> None:
    """Record the most unfinished jobs ever seen in the database."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        while True:
            sql = "SELECT COUNT(*) FROM jobs WHERE state NOT IN ('done', 'failed', 'cancelled')"
            peak[0] = max(peak[0], (await (await conn.execute(sql)).fetchone())[0])
            await asyncio.sleep(0.01)


async def stopped(proc: asyncio.subprocess.Process, seconds: float = 30) -> int:
    """Its exit code once it has stopped; killed (and -9) if SIGTERM did not stop it in time."""
    try:
        return await asyncio.wait_for(proc.wait(), seconds)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return -signal.SIGKILL


async def job_of(url: str, media: str) -> tuple[str, str]:
    """Id and state of the job that downloads ``media``."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        row = await (
            await conn.execute("SELECT id, state FROM jobs WHERE url = %s", (media,))
        ).fetchone()
    return (row[0], row[1]) if row else ("", "")


@pytest.mark.slow
@pytest.mark.timeout(300)
async def test_two_gateways_two_workers_forty_jobs_a_worker_killed_a_gateway_replaced(
    media_server: MediaServer, pg_url: str, tmp_path: Path
) -> None:
    commands = tmp_path / "commands.toml"
    spec = (ROOT / "commands.toml").read_text(encoding="utf-8")
    commands.write_text(spec.replace("max_queue = 50 ", f"max_queue = {MAX_QUEUE} "), "utf-8")
    async with FakeDiscord(shards=2) as fake:
        shared = {**os.environ, **fake.env(), "BOSSBOT_DATABASE_URL": pg_url}
        shared.update(BOSSBOT_ALLOW_PRIVATE_URLS="true", BOSSBOT_COMMANDS_FILE=str(commands))

        def env(name: str) -> dict[str, str]:
            return {**shared, "BOSSBOT_DATA_DIR": str(tmp_path / name)}

        assert await (await spawn(env("migrate"), "migrate")).wait() == 0
        front = ["run", "--no-workers", "--shard-count", "2", "--shards"]
        gateways = {n: await spawn(env(f"gateway{n}"), *front, str(n)) for n in (0, 1)}
        workers = [await spawn(env(f"worker{n}"), "worker") for n in (0, 1)]
        channel = {shard: g.world_channel for shard, g in fake.gateways.items()}
        peak, processes = [0], [*gateways.values(), *workers]
        watching = asyncio.ensure_future(watch_queue(pg_url, peak))
        try:
            for shard in (0, 1):
                await fake.gateways[shard].wait_handshake(1, timeout=60)
            slow = len(clip_mp4()) // 600  # ten minutes: it runs until cancelled
            endless = media_server.add("/long.mp4", clip_mp4(), content_type="video/mp4", rate=slow)
            asked = await fake.send_message(f"$dl {endless}", user_id=9_000, channel_id=channel[0])
            target = (channel[0], asked["id"])
            await until(lambda: status(fake, target).startswith("⬇️"), 60)
            rate = len(clip_mp4()) // SECONDS_PER_JOB
            requests = []
            for n in range(JOBS - 1):
                url = media_server.add(
                    f"/c{n}.mp4", clip_mp4(), content_type="video/mp4", rate=rate
                )
                where = channel[n % 2]
                sent = await fake.send_message(f"$dl {url}", user_id=10_000 + n, channel_id=where)
                requests.append((where, sent["id"]))
            await until(lambda: sum(bool(replies(fake, r, files=True)) for r in requests) >= 4, 60)
            workers[0].send_signal(signal.SIGKILL)  # mid-run: it holds running jobs
            assert await workers[0].wait() == -signal.SIGKILL

            gateways[0].send_signal(signal.SIGTERM)  # shard 0's gateway is replaced
            assert await asyncio.wait_for(gateways[0].wait(), 30) == 0
            unfinished = [
                r for r in requests if r[0] == channel[0] and not status(fake, r).startswith(FINAL)
            ]
            gateways[0] = await spawn(env("gateway0-again"), *front, "0")
            processes.append(gateways[0])
            await fake.gateways[0].wait_handshake(2, timeout=60)
            job, _ = await job_of(pg_url, endless)
            answer = await fake.send_message(f"$dlc {job}", user_id=9_000, channel_id=channel[0])
            await until(lambda: status(fake, (channel[0], answer["id"])).startswith("🛑"), 30)
            await until(lambda: status(fake, target).startswith("🛑 Cancelled."), 30)
            media_server.routes["/long.mp4"].rate = 10**9  # the cancelled download's thread ends
            try:
                await until(lambda: all(status(fake, r).startswith(FINAL) for r in requests), 120)
            except TimeoutError:  # say which ones, and what they show
                left = [status(fake, r)[:80] for r in requests]
                left = [text for text in left if not text.startswith(FINAL)]
                raise AssertionError(f"{len(left)} requests unfinished: {left}") from None
        finally:
            watching.cancel()
            for proc in processes:
                if proc.returncode is None:
                    proc.send_signal(signal.SIGTERM)
            codes = [await stopped(proc) for proc in processes]
        assert (await job_of(pg_url, endless))[1] == "cancelled"
        assert replies(fake, target, files=True) == []
        done = [r for r in requests if status(fake, r).startswith("✅")]
        refused = [r for r in requests if status(fake, r).startswith("🚦 The queue is full")]
        assert len(done) + len(refused) == JOBS - 1
        assert refused, "the queue bound never acted"
        assert peak[0] <= MAX_QUEUE
        for request in requests:
            posts = replies(fake, request, files=True)
            assert len(posts) == (request in done), (request, posts)
            assert all(post["attachments"][0]["data"] == clip_mp4() for post in posts)
        assert unfinished, "shard 0's gateway had nothing in flight when it was replaced"
        assert all(status(fake, r).startswith("✅") for r in unfinished if r in done)
        killed = processes.index(workers[0])
        assert codes[:killed] + codes[killed + 1 :] == [0] * (len(codes) - 1)  # stopped cleanly
