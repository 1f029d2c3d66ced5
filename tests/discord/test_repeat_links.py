"""Repeat links: answered from the earlier post (or its cached files), never downloaded again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import hikari

from bossbot.discord.app import BotApp
from bossbot.jobs import Job
from bossbot.jobs.repeats import variant
from tests.discord.conftest import StartBot, final_status, reply_to, request_status
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.jobs import until
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

MP4 = "video/mp4"
TWEET = "https://x.com/someone/status/1234567890"


async def delivered(app: BotApp, fake: FakeDiscord, content: str) -> dict[str, Any]:
    """Send a download; once done and kept in the cache, return its post."""
    status = await request_status(fake, content)
    await final_status(fake, int(status["id"]), "✅")
    await until(lambda: app.services.repeats.store.cache_entries(), 10)
    return next(m for m in fake.bot_messages() if m["attachments"])


def masked(text: str, fake: FakeDiscord, post: str) -> str:
    """A text with the ids of this run's guild, channel and post named."""
    jump = f"https://discord.com/channels/{fake.guild_id}/{fake.channel_id}/{post}"
    text = text.replace(jump, "JUMP")
    return text.split("<t:")[0] + "<t:…>" + text.split(":R>", 1)[-1]


async def test_a_link_posted_again_in_another_form_points_at_the_post_without_a_download(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    post = await delivered(app, fake_discord, f"$dl {url}?utm_source=share&si=abc#t=3")
    hits = media_server.hits()
    reply = await reply_to(fake_discord, f"$dl <{url}>")
    assert masked(reply["content"], fake_discord, post["id"]) == snapshot
    assert not reply.get("attachments")
    assert media_server.hits() == hits  # not one request to the media server
    assert len(await app.services.jobs.store.recent()) == 1
    assert app.services.metrics.cache_hits["pointed"] == 1
    await fake_discord.send_slash("dl", {"url": url, "fresh": True})  # --fresh: again
    await until(lambda: media_server.hits() > hits, 20)
    assert len(await app.services.jobs.store.recent()) == 2


async def test_a_deleted_post_is_posted_again_from_the_cache(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    post = await delivered(app, fake_discord, f"$dl {url}")
    await app.bot.rest.delete_message(fake_discord.channel_id, int(post["id"]))
    hits = media_server.hits()
    again = await reply_to(fake_discord, f"$dl {url}?fbclid=xyz")
    assert [a["filename"] for a in again["attachments"]] == ["clip.mp4"]
    assert masked(again["content"].replace(url, "URL"), fake_discord, "") == snapshot
    [upload] = [r for r in fake_discord.find_requests("POST", r"/messages$") if r.files][1:]
    assert [f.data for f in upload.files] == [clip_mp4()]
    assert media_server.hits() == hits
    [reposted] = [m for m in fake_discord.bot_messages() if m["attachments"]]
    cache, asked = app.services.repeats, variant(audio=False, quality=None, spoiler=False)

    async def moved() -> bool:  # the cache notes the new post right after posting it
        entry = await cache.find(fake_discord.guild_id, url, asked)
        return entry is not None and entry.message_id == int(reposted["id"])

    await until(moved)
    third = await reply_to(fake_discord, f"$dl {url}")  # now points at the new post
    assert f"/{reposted['id']}" in third["content"]
    assert not third.get("attachments")
    assert media_server.hits() == hits
    assert len(await app.services.jobs.store.recent()) == 1


async def test_every_form_of_one_tweet_is_answered_by_its_post(
    fake_discord: FakeDiscord, bot: BotApp, tmp_path: Path
):
    clip = tmp_path / "tmp" / "twjob1" / "tweet.mp4"
    clip.parent.mkdir(parents=True)
    clip.write_bytes(clip_mp4())
    rest, channel = bot.bot.rest, fake_discord.channel_id
    earlier = await rest.create_message(channel, "📎 a tweet", attachments=[hikari.File(clip)])
    job = Job(id="twjob1", url=TWEET, guild_id=fake_discord.guild_id, channel_id=channel,
              files=[str(clip)], info={"tool": "gallery-dl", "extractor": "twitter",
                                       "id": "1234567890"})  # fmt: skip
    await bot.services.repeats.keep(job, channel, int(earlier.id))
    for form in ("https://twitter.com/someone/status/1234567890?s=20",
                 "https://vxtwitter.com/someone/status/1234567890?t=Ab1",
                 "https://mobile.twitter.com/i/web/status/1234567890"):  # fmt: skip
        reply = await reply_to(fake_discord, f"$dlt {form}")
        assert f"/{channel}/{earlier.id}" in reply["content"]
    await rest.delete_message(channel, earlier.id)
    again = await reply_to(fake_discord, "$dl fixupx.com/someone/status/1234567890")
    assert [a["filename"] for a in again["attachments"]] == ["tweet.mp4"]
    [reposted] = [m for m in fake_discord.bot_messages() if m["attachments"]]
    await rest.delete_message(channel, int(reposted["id"]))
    sent = await fake_discord.send_slash("dlt", {"url": "https://x.com/i/status/1234567890"})
    await until(lambda: len([m for m in fake_discord.bot_messages() if m["attachments"]]), 10)
    [third] = [m for m in fake_discord.bot_messages() if m["attachments"]]
    answer = f"♻️ Posted again from the cache: https://discord.com/channels/{fake_discord.guild_id}"
    await until(lambda: fake_discord.message(fake_discord.interaction(sent["id"]).original_id)[
        "content"] == f"{answer}/{channel}/{third['id']}", 10)  # fmt: skip
    assert fake_discord.interaction(sent["id"]).responses[0]["data"]["content"].startswith("♻️")
    assert await bot.services.jobs.store.recent() == []  # nothing was downloaded
    assert await bot.services.repeats.find(fake_discord.guild_id, TWEET[:-1] + "1", "video") is None
