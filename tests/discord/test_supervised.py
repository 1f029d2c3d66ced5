"""The job loops are supervised: a store failure is survived, and reported while it lasts."""

from __future__ import annotations

import httpx
import pytest

from tests.discord.conftest import StartBot, final_status, reply_to, request_status, spec_with
from tests.discord.test_bot_metrics import free_port
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.jobs import Outage, until
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

FAST = spec_with(backoff_base=0.05, backoff_max=0.1)  # loops restart within 0.1 s


async def test_a_store_error_in_the_scheduler_is_survived_and_the_next_job_runs(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer,
    monkeypatch: pytest.MonkeyPatch,
):  # fmt: skip
    app = await start_bot(FAST, allow_private_urls=True)
    store = app.services.jobs.store
    outage = Outage(store.claim, 1)
    monkeypatch.setattr(store, "claim", outage)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    status = await request_status(fake_discord, f"$dl {url}")
    assert await final_status(fake_discord, int(status["id"]), "✅")
    assert outage.left == 0
    assert app.services.jobs.failing() == []


async def test_a_scheduler_that_keeps_failing_makes_healthz_and_health_say_so(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer,
    monkeypatch: pytest.MonkeyPatch, snapshot,
):  # fmt: skip
    addr = f"127.0.0.1:{free_port()}"
    app = await start_bot(FAST, allow_private_urls=True, metrics_addr=addr)
    store = app.services.jobs.store
    outage = Outage(store.claim, 10**6)
    monkeypatch.setattr(store, "claim", outage)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    status = await request_status(fake_discord, f"$dl {url}")
    await until(lambda: app.services.jobs.failing() == ["scheduler"])
    async with httpx.AsyncClient(base_url=f"http://{addr}") as client:
        sick = await client.get("/healthz")
        health = await reply_to(fake_discord, "$health")
        outage.left = 0  # the disk is back
        assert await final_status(fake_discord, int(status["id"]), "✅")
        await until(lambda: app.services.jobs.failing() == [])
        well = await client.get("/healthz")
    assert (sick.status_code, sick.text) == (503, "job loops failing: scheduler\n")
    assert well.status_code == 200
    assert health["content"].splitlines()[:2] == snapshot
