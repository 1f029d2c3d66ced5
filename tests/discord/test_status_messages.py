"""Status messages always end: failed edits are retried until the final state lands."""

from __future__ import annotations

from bossbot.discord.app import BotApp
from bossbot.discord.status import StatusMessages
from tests.discord.conftest import StartBot, final_status, request_status, spec_with, uploads
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.jobs import holds, until
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

MP4 = "video/mp4"


def status_of(app: BotApp) -> StatusMessages:
    """The bot's status message listener."""
    return next(x for x in app.services.jobs.notifier.listeners if isinstance(x, StatusMessages))


async def test_four_server_errors_on_edits_and_the_final_state_still_lands(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    spec = spec_with(backoff_base=0.05, backoff_max=0.2)
    app = await start_bot(spec, retries=0, allow_private_urls=True)  # each 500 reaches the bot
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    status = await request_status(fake_discord, f"$dl {url}")
    edits = fake_discord.inject("PATCH", rf"/channels/\d+/messages/{status['id']}$", 500, times=4)
    assert await final_status(fake_discord, int(status["id"]), "✅", seconds=30)
    assert edits.hits == 4
    assert fake_discord.message(int(status["id"]))["components"] == []  # no dead Cancel button
    await until(lambda: not status_of(app).slots)
    [job] = await app.services.jobs.store.recent(1)
    await until(lambda: holds(app.services.jobs.store, job.id, untold=False))  # shown: no retell


async def test_a_deleted_status_message_frees_its_slot_and_the_job_carries_on(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4, mode="drop", times=2)
    status = await request_status(fake_discord, f"$dl {url}")
    await app.bot.rest.delete_message(fake_discord.channel_id, int(status["id"]))
    [upload] = await uploads(fake_discord)
    assert upload.files[0].data == clip_mp4()
    [job] = await app.services.jobs.store.recent(1)
    await until(lambda: job.id not in status_of(app).slots and not status_of(app).gone, 10)
    await until(lambda: holds(app.services.jobs.store, job.id, state="done", untold=False))


async def test_a_status_message_the_bot_may_not_edit_is_let_go(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    status = await request_status(fake_discord, f"$dl {url}")
    refused = fake_discord.inject(
        "PATCH", rf"/channels/\d+/messages/{status['id']}$", 403, times=None
    )
    [upload] = await uploads(fake_discord)
    assert upload.files[0].data == clip_mp4()
    await until(lambda: not status_of(app).slots and not status_of(app).gone, 10)
    assert refused.hits == 1  # tried once, then no more edits for that job
