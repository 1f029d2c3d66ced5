"""Discord misbehaving: rate limits, refusals, lost status messages, gateway drops."""

from __future__ import annotations

import pytest

from bossbot.jobs import JobRequest
from tests.discord.conftest import (
    StartBot,
    final_status,
    request_status,
    spec_with,
    uploads,
)
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_files import big_mp4, clip_mp4
from tests.fakes.media_server import MediaServer

MP4 = "video/mp4"
UPLOAD = r"/channels/\d+/messages$"
EDIT = r"/channels/\d+/messages/\d+$"


async def test_429_on_reply_and_edits_is_waited_out(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    replies = fake_discord.inject("POST", UPLOAD, 429, times=2, retry_after=0.2)
    edits = fake_discord.inject("PATCH", EDIT, 429, times=3, retry_after=0.2)
    status = await request_status(fake_discord, f"$dl {url}")
    assert await final_status(fake_discord, int(status["id"]), "✅")
    [upload] = await uploads(fake_discord)
    assert upload.files[0].data == clip_mp4()
    assert (replies.hits, edits.hits) == (2, 3)
    assert len([m for m in fake_discord.bot_messages() if m["attachments"]]) == 1


async def test_rate_limit_too_long_retries_the_upload_not_the_download(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    spec = spec_with(backoff_base=4, backoff_max=4, progress_interval=1)  # a retry in 2-4 s
    await start_bot(spec, allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    status = await request_status(fake_discord, f"$dl {url}")
    rule = fake_discord.inject("POST", UPLOAD, 429, times=1, retry_after=3600, scope="shared")
    await fake_discord.wait_for(lambda r: r.files and r.status == 429, timeout=20)
    fetched = media_server.hits("/clip.mp4")  # the download was complete before the upload
    assert await final_status(fake_discord, int(status["id"]), "✅")
    edits = fake_discord.find_requests("PATCH", rf"/channels/\d+/messages/{status['id']}$")
    texts = [(r.json or {}).get("content") or "" for r in edits]
    retry = next(text for text in texts if text.startswith("🔁"))
    assert "Discord refused the upload for now. Trying again <t:" in retry
    assert rule.hits == 1
    assert media_server.hits("/clip.mp4") == fetched  # kept files: not downloaded again
    assert len([m for m in fake_discord.bot_messages() if m["attachments"]]) == 1
    assert len([m for m in fake_discord.bot_messages() if m["attachments"]]) == 1


@pytest.mark.parametrize(
    ("status", "code", "start"),
    [(413, 40005, "📦 Discord refused"), (403, 50013, "🔐")],
    ids=["413", "403"],
)
async def test_upload_refusals_are_final(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer,
    status: int, code: int, start: str, snapshot,
):  # fmt: skip
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    reply = await request_status(fake_discord, f"$dl {url}")
    rule = fake_discord.inject("POST", UPLOAD, status, times=None, code=code)
    text = await final_status(fake_discord, int(reply["id"]), start)
    assert text.replace(url, "URL") == snapshot
    assert rule.hits == 1


async def test_gateway_drop_mid_job_does_not_stop_delivery(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await fake_discord.send_message(f"$dl {url}")
    await fake_discord.wait_for("POST", UPLOAD)
    await fake_discord.drop_gateway(wait=False)
    [upload] = await uploads(fake_discord)
    assert upload.files[0].data == clip_mp4()
    assert await fake_discord.wait_handshake(2) in ("RESUME", "IDENTIFY")


async def test_the_51st_job_is_refused_as_queue_full(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    bot = await start_bot(allow_private_urls=True)
    jobs = bot.services.jobs
    assert jobs is not None
    await jobs.stop()  # keep the queue still while it is filled
    for user in range(50):
        await jobs.submit(
            JobRequest(url=f"https://example.com/{user}.mp4", cap=1, requester_id=user)
        )
    late = media_server.add("/late.mp4", clip_mp4(), content_type=MP4)
    status = await request_status(fake_discord, f"$dl {late}")
    text = await final_status(fake_discord, int(status["id"]), "🚦")
    assert text.replace(late, "URL") == snapshot


@pytest.mark.fake_discord(premium_tier=2)
async def test_boost_tier_2_delivers_what_tier_0_refuses(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    big = big_mp4(11 * 1024 * 1024)
    url = media_server.add("/big.mp4", big, content_type=MP4)
    await fake_discord.send_message(f"$dl {url}")
    [upload] = await uploads(fake_discord, seconds=40)
    assert upload.files[0].data == big


async def test_no_permission_to_reply_tells_the_requester_in_private(
    fake_discord: FakeDiscord, bot, snapshot
):
    rule = fake_discord.inject("POST", r"/channels/\d+/messages$", 403, code=50013)
    await fake_discord.send_message("$help")
    await fake_discord.wait_for("POST", r"/users/@me/channels")
    await fake_discord.wait_for("POST", r"/channels/\d+/messages$", new_only=True)
    [private] = fake_discord.direct_messages(fake_discord.user_id)
    assert rule.hits == 1
    assert private["content"] == snapshot
