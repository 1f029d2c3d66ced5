"""Auto-detection through the fake Discord: links posted without a command, where it is on."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bossbot.discord.app import BotApp
from bossbot.jobs.repeats import variant
from tests.discord.conftest import SPEC, StartBot, final_status, reply_to, uploads
from tests.fakes.discord import ids
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.jobs import until
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.timeout(90)
MP4 = "video/mp4"


async def turn_on(fake: FakeDiscord, *, sites: str = "direct_video") -> list[str]:
    """The server owner turns auto-detection on here for ``sites``; returns the answers."""
    on = await reply_to(fake, "$settings auto on", user_id=ids.OWNER_ID)
    chosen = await reply_to(fake, f"$settings sites {sites}", user_id=ids.OWNER_ID)
    return [on["content"], chosen["content"]]


def reactions(fake: FakeDiscord, message_id: str) -> list[str]:
    """The bot's reactions on a message."""
    return [r["emoji"]["name"] for r in fake.message(int(message_id)).get("reactions", [])]


async def nothing_happens(fake: FakeDiscord, bot: BotApp, media: MediaServer) -> None:
    """After a moment: no message from the bot, no job, no request to the media server."""
    await asyncio.sleep(1.0)
    assert fake.bot_messages() == []
    assert await bot.services.jobs.store.recent() == []  # type: ignore[union-attr]
    assert media.hits() == 0


async def test_a_link_is_delivered_once_where_it_is_on_and_ignored_where_it_is_off(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await fake_discord.send_message(f"look {url}")  # off by default
    await nothing_happens(fake_discord, app, media_server)
    answers = await turn_on(fake_discord)
    sent = await fake_discord.send_message(f"look at this one {url} !")
    [upload] = await uploads(fake_discord)
    assert upload.json["message_reference"]["message_id"] == sent["id"]
    assert [f.data for f in upload.files] == [clip_mp4()]
    await until(lambda: reactions(fake_discord, sent["id"]) == ["✅"], 10)  # ⏳ taken off
    [job] = await app.services.jobs.store.recent()  # type: ignore[union-attr]
    assert (job.command, job.state, job.status_message_id) == ("auto", "done", None)
    off = await reply_to(fake_discord, "$settings auto off", user_id=ids.OWNER_ID)
    before = len(fake_discord.bot_messages())
    await fake_discord.send_message(f"again {url}")
    await asyncio.sleep(1.0)
    assert len(fake_discord.bot_messages()) == before
    assert len(await app.services.jobs.store.recent()) == 1  # type: ignore[union-attr]
    assert [*answers, off["content"]] == snapshot


async def test_three_links_and_some_text_make_three_jobs_and_the_limit_holds(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    app = await start_bot(allow_private_urls=True)
    urls = [media_server.add(f"/c{n}.mp4", clip_mp4(), content_type=MP4) for n in range(7)]
    await turn_on(fake_discord)
    await fake_discord.send_message(f"three clips: {urls[0]}, {urls[1]} and <{urls[2]}> lol")
    await uploads(fake_discord, 3)
    jobs = await app.services.jobs.store.recent()  # type: ignore[union-attr]
    assert sorted(job.url for job in jobs) == sorted(urls[:3])
    await fake_discord.send_message(" ".join(urls[3:]))  # four: [auto] max_links is 3
    await uploads(fake_discord, 6)
    jobs = await app.services.jobs.store.recent()  # type: ignore[union-attr]
    assert sorted(job.url for job in jobs) == sorted(urls[:6])


async def test_a_repeat_link_is_answered_from_its_earlier_post(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await turn_on(fake_discord)
    await fake_discord.send_message(url)
    await uploads(fake_discord, 1)
    await until(lambda: media_server.hits() > 0, 5)
    hits, cache = media_server.hits(), app.services.repeats
    assert cache is not None
    asked = variant(audio=False, quality=None, spoiler=False)
    await until(lambda: cache.find(fake_discord.guild_id, url, asked), 5)  # kept once posted
    again = await reply_to(fake_discord, f"same again {url}?")
    assert again["content"].startswith("♻️")
    assert media_server.hits() == hits
    assert len(await app.services.jobs.store.recent()) == 1  # type: ignore[union-attr]


async def test_a_command_is_not_auto_detected_and_bots_are_ignored(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await turn_on(fake_discord)
    await fake_discord.send_message(f"{url}", bot=True, user_id=4242)
    await fake_discord.send_message(f"{url}", webhook_id=4343)
    await fake_discord.send_message(f"$dl {url}")
    await uploads(fake_discord, 1)
    await asyncio.sleep(1.0)
    [job] = await app.services.jobs.store.recent()  # type: ignore[union-attr]
    assert job.command == "dl"
    assert len([r for r in fake_discord.find_requests("POST", r"/messages$") if r.files]) == 1


async def test_a_failure_is_explained_in_a_reply(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    await start_bot(allow_private_urls=True)
    url = media_server.url("/gone.mp4")  # answers 404
    await turn_on(fake_discord)
    said = await reply_to(fake_discord, f"{url}")
    await until(lambda: reactions(fake_discord, said["message_reference"]["message_id"]) == [], 5)
    assert said["content"].replace(url, "URL").split("\n")[0] == snapshot


def with_auto(**auto: Any):
    """The repository's spec with some ``[auto]`` changed."""
    return SPEC.model_copy(update={"auto": SPEC.auto.model_copy(update=auto)})


async def test_the_message_status_mode_answers_like_dl(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(with_auto(status="message"), allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await turn_on(fake_discord)
    status = await reply_to(fake_discord, f"{url}")
    assert status["content"].startswith("⏳ Got it")
    await uploads(fake_discord, 1)


async def test_a_slow_job_gets_a_short_status_kept_current_until_posted(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(with_auto(slow_after=1.0), allow_private_urls=True)
    clip = clip_mp4()
    url = media_server.add("/slow.mp4", clip, content_type=MP4, rate=max(len(clip) // 4, 1024))
    await turn_on(fake_discord)
    status = await reply_to(fake_discord, f"{url}")
    [job] = await app.services.jobs.store.recent()  # type: ignore[union-attr]
    assert status["content"].replace(url, "URL").replace(job.id, "ID") == snapshot
    [slow] = [m for m in fake_discord.bot_messages() if m["content"].startswith("⏳ Still")]
    await uploads(fake_discord, 1)
    await final_status(fake_discord, int(slow["id"]), "✅")  # edited like any status


async def test_a_link_refused_at_the_queue_says_why_and_takes_its_hourglass_off(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    one = SPEC.roles["everyone"].model_copy(update={"max_queued": 1})
    await start_bot(SPEC.model_copy(update={"roles": {**SPEC.roles, "everyone": one}}),
                    allow_private_urls=True)  # fmt: skip
    slow = media_server.add("/slow.mp4", b"", mode="endless", content_type=MP4)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await turn_on(fake_discord)
    first = await fake_discord.send_message(f"{slow}")
    await until(lambda: reactions(fake_discord, first["id"]) == ["⏳"], 10)
    said = await reply_to(fake_discord, f"{url}")
    second = said["message_reference"]["message_id"]
    assert said["content"].startswith("🚦 You already have 1 jobs queued.")
    await until(lambda: reactions(fake_discord, second) == [], 10)
    assert reactions(fake_discord, first["id"]) == ["⏳"]
