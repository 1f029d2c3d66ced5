"""Downloads through the bot: status message, uploads, limits, queue and cancel."""

from __future__ import annotations

from bossbot.discord.app import BotApp
from tests.discord.conftest import (
    SPEC,
    StartBot,
    final_status,
    reply_to,
    request_status,
    slash_answer,
    uploads,
)
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_files import clip_mp4, noise, png
from tests.fakes.media_server import MediaServer

MP4 = "video/mp4"


async def test_prefix_download_posts_the_identical_file(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    status = await reply_to(fake_discord, f"$dl <{url}>")  # <...> is how members hide embeds
    assert status["content"].replace(url, "URL") == snapshot(name="acknowledgement")
    [upload] = await uploads(fake_discord)
    assert [f.data for f in upload.files] == [clip_mp4()]
    assert upload.json["content"] == f"📎 <{url}>"  # nothing known of it but its link
    mentions = upload.json["allowed_mentions"]  # a reply that pings nobody
    assert (mentions["parse"], mentions.get("users"), mentions.get("roles")) == ([], None, None)
    assert not mentions.get("replied_user")
    status_id = fake_discord.bot_messages()[0]["id"]
    done = await final_status(fake_discord, int(status_id), "✅")
    post = next(m for m in fake_discord.bot_messages() if m["attachments"])
    jump = f"https://discord.com/channels/{fake_discord.guild_id}/{fake_discord.channel_id}/"
    assert done.replace(url, "URL").replace(jump + post["id"], "JUMP") == snapshot(name="done")


async def test_private_address_refused_without_the_setting(
    fake_discord: FakeDiscord, bot: BotApp, media_server: MediaServer, snapshot
):
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    status = await request_status(fake_discord, f"$dl {url}")
    text = await final_status(fake_discord, int(status["id"]), "⛔")
    assert text.replace(url, "URL") == snapshot
    assert media_server.hits() == 0
    assert await bot.services.jobs.store.recent() == []  # refused before any job existed


async def test_wrong_command_points_to_the_right_one(fake_discord, bot: BotApp, snapshot):
    reply = await reply_to(fake_discord, "$dlr https://x.com/user/status/1")
    assert reply["content"] == snapshot


async def test_slash_download_of_several_images(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    images = [png(seed=i) for i in range(3)]
    urls = [media_server.add(f"/p{i}.png", body, content_type="image/png") for i, body in
            enumerate(images)]  # fmt: skip
    await slash_answer(fake_discord, "dl", {"url": " ".join(urls)})
    sent = await uploads(fake_discord, 3)
    assert sorted(f.data for r in sent for f in r.files) == sorted(images)


async def test_too_large_for_tier_0_when_fitting_is_off(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    off = SPEC.fit.model_copy(update={"enabled": False})
    await start_bot(SPEC.model_copy(update={"fit": off}), allow_private_urls=True)
    url = media_server.add("/big.mp4", noise(11 * 1024 * 1024), content_type=MP4)
    status = await reply_to(fake_discord, f"$dl {url}")
    status_id = int(fake_discord.bot_messages()[0]["id"])
    assert status["content"].startswith("⏳")
    assert (await final_status(fake_discord, status_id, "📦")).replace(url, "URL") == snapshot


async def test_queue_view_and_cancel_latest(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/slow.mp4", b"", mode="endless", content_type=MP4)
    await reply_to(fake_discord, f"$dl {url}")
    queue = await reply_to(fake_discord, "$dlq")
    assert "← yours" in queue["content"]
    cancel = await reply_to(fake_discord, "$dlc")
    assert cancel["content"].startswith("🛑 Cancelled job")
    empty = await reply_to(fake_discord, "$dlq")
    assert empty["content"] == snapshot(name="empty queue")


async def test_slash_job_outliving_its_token_reports_through_the_channel(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4, mode="drop", times=2)
    payload = await fake_discord.send_slash("dlt", {"url": url})
    await fake_discord.wait_for("GET", r"/webhooks/\d+/[^/]+/messages/@original")
    fake_discord.expire_interaction(payload["id"])
    status_id = fake_discord.interaction(payload["id"]).original_id
    assert await final_status(fake_discord, int(status_id), "✅")
    [upload] = await uploads(fake_discord)
    assert upload.json["message_reference"]["message_id"] == str(status_id)
    assert fake_discord.find_requests("PATCH", rf"/channels/\d+/messages/{status_id}$")
