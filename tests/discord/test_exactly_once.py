"""Each batch is posted once, marked by its Delete button; its requester may delete it."""

from __future__ import annotations

from tests.discord.conftest import StartBot, final_status, request_status, spec_with
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.jobs import until
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

UPLOAD = r"/channels/\d+/messages$"
OTHER = 4242


async def test_an_upload_outliving_the_job_timeout_is_posted_once_and_fetched_once(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(spec_with(job_timeout=3, backoff_base=0.1), allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    status = await request_status(fake_discord, f"$dl {url}")
    slow = fake_discord.inject("POST", UPLOAD, 200, times=1, delay=4)  # longer than 3 s
    await until(lambda: slow.hits == 1, 20)
    fetched = media_server.hits("/clip.mp4")  # the download was complete before the upload
    assert await final_status(fake_discord, int(status["id"]), "✅", seconds=30)
    assert media_server.hits("/clip.mp4") == fetched
    edits = fake_discord.find_requests("PATCH", rf"/channels/\d+/messages/{status['id']}$")
    assert not any((r.json or {}).get("content", "").startswith("🔁") for r in edits)
    assert len([m for m in fake_discord.bot_messages() if m["attachments"]]) == 1


async def test_the_requester_deletes_the_posts_of_a_job_and_others_may_not(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    status = await request_status(fake_discord, f"$dl {url}")
    await final_status(fake_discord, int(status["id"]), "✅")
    [post] = [m for m in fake_discord.bot_messages() if m["attachments"]]
    [[button, again]] = [row["components"] for row in post["components"]]
    [job] = await app.services.jobs.store.recent(1)
    assert (button["custom_id"], button["label"], button["emoji"]["name"], button["style"]) == (
        f"bossbot:delete:{job.id}:0", "Delete", "🗑️", 2
    )  # fmt: skip
    assert (again["custom_id"], again["label"], again["emoji"]["name"]) == (
        f"bossbot:retry:{job.id}", "Retry", "🔁"
    )  # fmt: skip
    button, job = button["custom_id"], job.id
    other = await fake_discord.send_component(button, int(post["id"]), user_id=OTHER)
    await fake_discord.wait_for("POST", rf"/interactions/{other['id']}/")
    refusal = fake_discord.interaction(other["id"]).responses[0]["data"]
    mine = await fake_discord.send_component(button, int(post["id"]))
    await fake_discord.wait_for("POST", rf"/interactions/{mine['id']}/")
    answer = fake_discord.interaction(mine["id"]).responses[0]["data"]
    texts = [refusal["content"].replace(job, "<job>"), answer["content"].replace(job, "<job>")]
    assert texts == snapshot
    assert refusal["flags"] & answer["flags"] & 64  # both private
    assert not [m for m in fake_discord.bot_messages() if m["attachments"]]
    assert fake_discord.message(int(status["id"]))["content"].startswith("✅")


async def test_a_server_error_on_an_upload_retries_it_and_posts_once(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    spec = spec_with(backoff_base=0.1, backoff_max=0.2)
    await start_bot(spec, retries=0, allow_private_urls=True)  # the 500 reaches the bot
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    status = await request_status(fake_discord, f"$dl {url}")
    failed = fake_discord.inject("POST", UPLOAD, 500, times=1)
    assert await final_status(fake_discord, int(status["id"]), "✅")
    assert failed.hits == 1
    assert fake_discord.find_requests("GET", UPLOAD)  # looked for the post before retrying
    assert len([m for m in fake_discord.bot_messages() if m["attachments"]]) == 1
