"""A gateway without workers and a worker process sharing PostgreSQL, on the fake Discord.

The gateway (``bossbot run --no-workers``) answers commands and admits jobs; the worker
(``bossbot worker``) claims them, downloads, posts and edits the status over REST, and stops
at once a job the gateway cancelled. Both run here in one event loop; the end-to-end test
(test_scale_end_to_end.py) runs them as processes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from bossbot.roles import gateway
from bossbot.roles.worker import work
from bossbot.settings import Settings
from tests.discord.conftest import SPEC, StartBot, final_status, job_id_in, reply_to, request_status
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer


@pytest_asyncio.fixture
async def worker(fake_discord: FakeDiscord, pg_url: str, tmp_path: Path) -> AsyncIterator[Path]:
    """A running worker on the test's database; returns its data dir."""
    data = tmp_path / "worker"
    settings = Settings(
        discord_token=fake_discord.token, discord_api_url=fake_discord.rest_url, data_dir=data,
        allow_private_urls=True, database_url=pg_url,
    )  # fmt: skip
    stop = asyncio.Event()
    task = asyncio.create_task(work(settings, SPEC, stop))
    yield data
    stop.set()
    await asyncio.wait_for(task, 20)


async def test_the_gateway_admits_the_worker_delivers_and_a_cancel_reaches_it_at_once(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, pg_url: str,
    worker: Path, tmp_path: Path,
) -> None:  # fmt: skip
    front = gateway(None, None, workers=False)
    await start_bot(role=front, database_url=pg_url, allow_private_urls=True)
    slow = media_server.add("/slow.mp4", b"", mode="endless", content_type="video/mp4")
    status = await request_status(fake_discord, f"$dl {slow}")
    await final_status(fake_discord, int(status["id"]), "⬇️")  # the worker edits it over REST
    queue = await reply_to(fake_discord, "$dlq")
    assert "1 running" in queue["content"]  # the gateway shows what runs elsewhere
    job = job_id_in(queue["content"])
    assert (worker / "tmp" / job).is_dir()
    assert not (tmp_path / "data" / "tmp").exists()  # the gateway downloads nothing
    asked = time.monotonic()
    reply = await reply_to(fake_discord, f"$dlc {job}")
    assert reply["content"].startswith(f"🛑 Cancelled job `{job}`")
    while (worker / "tmp" / job).exists():  # the worker stopped it and removed its files
        assert time.monotonic() - asked < 2.0, "the cancel did not reach the worker within 2 s"
        await asyncio.sleep(0.02)
    text = await final_status(fake_discord, int(status["id"]), "🛑")
    assert text.splitlines()[0] == "🛑 Cancelled."

    clip = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    done = await request_status(fake_discord, f"$dl {clip}")
    assert (await final_status(fake_discord, int(done["id"]), "✅")).startswith("✅ Posted 1 file")
    posted = [m for m in fake_discord.bot_messages() if m["attachments"]]
    assert [m["attachments"][0]["data"] for m in posted] == [clip_mp4()]
