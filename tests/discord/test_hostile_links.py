"""Hostile links through the whole bot: the member gets a clear reply, the bot stays itself.

127.0.0.1 plays the public internet (``BOSSBOT_ALLOW_PRIVATE_URLS=127.0.0.1/32``); a
private server on 127.0.0.2 records every request it gets.
"""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from bossbot.discord.app import BotApp
from bossbot.workers.memory import pss, tree_pss
from bossbot.workers.zygote_client import SHARED
from tests.discord.conftest import (
    SPEC,
    StartBot,
    budgets_with,
    final_status,
    reply_to,
    request_status,
    spec_with,
    uploads,
)
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.hostile import serve
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
PUBLIC_ONLY = {"allow_private_urls": "127.0.0.1/32"}
GIB = 1024**3
BOT = 128 * 1024**2  # the bot's own memory before it got the link (about 80 MB measured)


async def test_a_page_aimed_at_a_private_host_is_refused_with_a_clear_reply(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    media_server: MediaServer,
    private_server: MediaServer,
    snapshot,
) -> None:
    await start_bot(**PUBLIC_ONLY)
    url = serve(media_server, private_server, "/og-video")
    status = await request_status(fake_discord, f"$dl {url}")
    text = await final_status(fake_discord, int(status["id"]), "⛔", seconds=30)
    assert text.replace(url, "URL") == snapshot
    assert private_server.hits() == 0
    assert not [r for r in fake_discord.find_requests("POST", r"/messages$") if r.files]


def footprint(app: BotApp) -> int:
    """Memory of the test process (the bot runs in it), the guard, the zygote and workers."""
    workers = app.services.workers
    assert workers is not None
    helpers = [workers.guard._process, SHARED.process]  # None until started (in the background)
    return pss(os.getpid()) + sum(tree_pss(p.pid) for p in helpers if p is not None)


async def test_an_endless_page_fails_clearly_while_the_bot_stays_small_and_answers(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
) -> None:
    # The byte budget is what fitting may shrink ([fit] max_download) plus the overhead:
    # 12 MiB here, so the loopback page (1.6 MiB/s) reaches it within seconds.
    fit = SPEC.fit.model_copy(update={"max_download": 10 * 1024 * 1024})
    spec = budgets_with(SPEC.model_copy(update={"fit": fit}), overhead="2MiB")
    app = await start_bot(spec, **PUBLIC_ONLY)
    url = media_server.add("/page", b"<p>all work and no play</p>" * 1000, mode="endless",
                           content_type="text/html")  # fmt: skip
    started = time.monotonic()
    status = await request_status(fake_discord, f"$dl {url}")
    before = pss(os.getpid())  # the test process: the bot, and pytest's own load so far
    peak = 0
    while not fake_discord.message(int(status["id"]))["content"].startswith("⬇️"):
        peak = max(peak, footprint(app))
        await asyncio.sleep(0.05)
    asked = time.monotonic()
    help_reply = await reply_to(fake_discord, "$help")  # while the worker reads the page
    assert time.monotonic() - asked < 1.0
    assert help_reply["content"].startswith("📖")
    while not (text := fake_discord.message(int(status["id"]))["content"]).startswith("📦"):
        peak = max(peak, footprint(app))
        await asyncio.sleep(0.05)
        assert time.monotonic() - started < 60
    assert "read more than" in text
    assert peak - before < GIB - BOT  # what the page made the bot and its helpers use


async def test_six_slow_links_do_not_hold_up_a_seventh(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
) -> None:
    spec = budgets_with(spec_with(max_concurrent=7), min_rate="1KiB", slow_window=3)
    everyone = spec.roles["everyone"].model_copy(update={"max_queued": 7})
    spec = spec.model_copy(update={"roles": {**spec.roles, "everyone": everyone}})
    app = await start_bot(spec, **PUBLIC_ONLY)
    slow = [media_server.add(f"/slow{i}.mp4", clip_mp4(), content_type="video/mp4",
                             mode="dribble") for i in range(6)]  # fmt: skip
    statuses = [await request_status(fake_discord, f"$dl {url}") for url in slow]
    normal = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    await request_status(fake_discord, f"$dl {normal}")
    [upload] = await uploads(fake_discord, 1, seconds=30)
    assert [f.data for f in upload.files] == [clip_mp4()]
    for status in statuses:
        text = await final_status(fake_discord, int(status["id"]), "🐢", seconds=30)
        assert text.startswith("🐢 The site sent less than 1 KiB/s for 3 s")
    jobs = [j for j in await app.services.jobs.store.recent() if j.error_kind == "too_slow"]
    assert len(jobs) == 6
    assert all(job.attempt == 1 for job in jobs)  # a slow site is not tried three times
    for job in jobs:  # each stopped once it had been that slow for its window (3 s), not
        # at the job timeout; 5 s more for killing the worker on a busy 2-core machine
        download_began = media_server.last_get[job.url.rpartition(str(media_server.port))[2]]
        assert job.finished_at - download_began < 3 + 5
