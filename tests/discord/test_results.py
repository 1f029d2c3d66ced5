"""The post a member gets: caption, spoilers, no pings, the request's preview, Delete and Retry."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from bossbot.discord.app import BotApp
from bossbot.egress.addresses import AddressPolicy
from tests.discord.conftest import SPEC, StartBot, final_status, request_status
from tests.fakes.discord import ids
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.discord.world import EVERYONE_PERMISSIONS, Role, default_roles
from tests.fakes.jobs import until
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

MP4 = "video/mp4"
OTHER = 4242
NO_MANAGE = [
    *(role for role in default_roles() if role.bot_id is None),
    Role("boss-bot", ids.BOT_ID + 500, EVERYONE_PERMISSIONS, 1, ids.BOT_ID),
]


def with_results(**results: Any):
    """The repository's spec with some ``[results]`` changed."""
    return SPEC.model_copy(update={"results": SPEC.results.model_copy(update=results)})


def og_page(media: MediaServer) -> str:
    """A post page as sites serve them: ``og:`` tags and JSON-LD (read by yt-dlp's generic)."""
    video = media.add("/v/clip.mp4", clip_mp4(), content_type=MP4)
    facts = {
        "@context": "https://schema.org", "@type": "VideoObject", "name": "A cat & a ball",
        "duration": "PT5S", "author": {"@type": "Person", "name": "Cat Person"},
        "contentUrl": video, "uploadDate": "2026-11-30",
    }  # fmt: skip
    html = (
        '<html><head><meta property="og:title" content="A cat &amp; a ball">'
        f'<meta property="og:video" content="{video}">'
        '<meta property="og:video:type" content="video/mp4">'
        f'<script type="application/ld+json">{json.dumps(facts)}</script></head></html>'
    )
    return media.add("/post/1", html.encode(), content_type="text/html")


def posts(fake: FakeDiscord) -> list[dict[str, Any]]:
    """The bot's messages carrying files."""
    return [message for message in fake.bot_messages() if message["attachments"]]


async def done(fake: FakeDiscord, content: str, **kwargs: Any) -> dict[str, Any]:
    """Send a download command; return its status message once it says done."""
    status = await request_status(fake, content, **kwargs)
    await final_status(fake, int(status["id"]), "✅")
    return fake.message(int(status["id"]))


async def click(fake: FakeDiscord, custom_id: str, message: str, **kw: Any) -> dict[str, Any]:
    """Click a button; return the bot's first answer to the click."""
    sent = await fake.send_component(custom_id, int(message), **kw)
    await fake.wait_for("POST", rf"/interactions/{sent['id']}/")
    return fake.interaction(sent["id"]).responses[0]["data"]


async def test_the_caption_names_what_the_extractor_found_and_pings_nobody(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    page = og_page(media_server)
    await start_bot(allow_private_urls=True)
    status = await done(fake_discord, f"$dl {page}")
    [post] = posts(fake_discord)
    assert [a["filename"] for a in post["attachments"]] == ["1.mp4"]  # named by the post's id
    assert post["mentions"] == []
    assert post["message_reference"]["message_id"] == status["message_reference"]["message_id"]
    jump = f"/{fake_discord.channel_id}/{post['id']}"
    texts = [post["content"], status["content"]]
    assert [t.replace(page, "PAGE").replace(jump, "/POST") for t in texts] == snapshot


@pytest.mark.parametrize("how", ["prefix", "slash"])
async def test_a_spoiler_is_posted_as_one(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, how: str
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    if how == "prefix":
        await request_status(fake_discord, f"$dl look ||<{url}>||")
    else:
        await fake_discord.send_slash("dl", {"url": url, "spoiler": True})
    await until(lambda: posts(fake_discord), 20)
    [post] = posts(fake_discord)
    assert [a["filename"] for a in post["attachments"]] == ["SPOILER_clip.mp4"]
    assert post["attachments"][0]["data"] == clip_mp4()
    assert post["content"] == f"📎 ||<{url}>||"
    await until(lambda: any("✅" in m["content"] for m in fake_discord.bot_messages()), 10)
    bodies = [r.json for r in fake_discord.requests if isinstance(r.json, dict)]
    said = [str(b.get("content") or (b.get("data") or {}).get("content") or "") for b in bodies]
    assert any(f"||<{url}>||" in text for text in said[:-1])  # the status too
    assert all(f"<{url}>" not in text.replace(f"||<{url}>||", "") for text in said)


async def test_the_requests_preview_is_hidden_once_the_files_are_posted(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    status = await done(fake_discord, f"$dl {url}")
    request = status["message_reference"]["message_id"]
    await fake_discord.wait_for("PATCH", rf"/channels/\d+/messages/{request}$")
    assert fake_discord.message(int(request))["flags"] & 4  # SUPPRESS_EMBEDS


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(SPEC, marks=pytest.mark.fake_discord(roles=NO_MANAGE), id="no permission"),
        pytest.param(with_results(suppress_embeds=False), id="declared off"),
    ],
)
async def test_the_preview_stays_without_manage_messages_or_when_declared_off(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, spec
):
    await start_bot(spec, allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    status = await done(fake_discord, f"$dl {url}")
    request = status["message_reference"]["message_id"]
    await asyncio.sleep(0.5)
    assert not fake_discord.find_requests("PATCH", rf"/channels/\d+/messages/{request}$")
    assert fake_discord.message(int(request))["flags"] == 0


async def test_retry_queues_the_link_again_for_the_requester_or_a_moderator(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app: BotApp = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await done(fake_discord, f"$dl ||{url}||")
    [post] = posts(fake_discord)
    [job] = await app.services.jobs.store.recent(1)
    retry = f"bossbot:retry:{job.id}"
    refused = await click(fake_discord, retry, post["id"], user_id=OTHER)
    assert refused["flags"] & 64
    assert refused["content"].replace(job.id, "<job>") == snapshot
    mine = await click(fake_discord, retry, post["id"])
    assert not mine.get("flags", 0) & 64  # the new job's status message, for all to see
    assert mine["content"] == f"⏳ Got it — queuing ||<{url}>||…"  # hidden as the first was
    moderator = [fake_discord.role_ids["Moderator"]]
    theirs = await click(fake_discord, retry, post["id"], user_id=OTHER + 1, roles=moderator)
    assert theirs["content"].startswith("⏳")
    await until(lambda: len(posts(fake_discord)) == 3, 30)
    again = await app.services.jobs.store.recent(3)
    assert sorted(j.requester_id for j in again[:2]) == sorted([fake_discord.user_id, OTHER + 1])
    assert {a["filename"] for p in posts(fake_discord) for a in p["attachments"]} == {
        "SPOILER_clip.mp4"
    }


async def test_the_buttons_go_from_a_done_job_after_their_time(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(with_results(buttons_for=1), allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await done(fake_discord, f"$dl {url}")
    [post] = posts(fake_discord)
    assert post["components"]
    await until(lambda: not fake_discord.message(int(post["id"]))["components"], 10)
    assert fake_discord.message(int(post["id"]))["attachments"]  # the files stay


async def test_a_click_after_their_time_is_answered_and_takes_them_off(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(with_results(buttons_for=2), allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await done(fake_discord, f"$dl {url}")
    await until(lambda: app.services.results.tasks, 5)  # its timer started...
    await app.services.results.close()  # ...and is gone, as after a restart
    await asyncio.sleep(2.1)
    [post] = posts(fake_discord)
    delete = post["components"][0]["components"][0]["custom_id"]
    answer = await click(fake_discord, delete, post["id"])
    assert answer["content"] == snapshot
    assert fake_discord.message(int(post["id"]))["components"] == []
    assert posts(fake_discord)  # the files stay


async def test_a_retry_meets_the_checks_of_the_command(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await done(fake_discord, f"$dl {url}")
    [post] = posts(fake_discord)
    [job] = await app.services.jobs.store.recent(1)
    settings = app.services.settings.model_copy(update={"allow_private_urls": AddressPolicy()})
    app.services.settings = settings  # as for any member's link now
    sent = await fake_discord.send_component(f"bossbot:retry:{job.id}", int(post["id"]))
    record = fake_discord.interaction(sent["id"])
    await until(lambda: record.original_id, 10)
    await until(lambda: fake_discord.message(record.original_id)["content"].startswith("⛔"), 10)
    shown = fake_discord.message(record.original_id)["content"]
    assert shown.replace(url, "URL") == snapshot
    assert len(await app.services.jobs.store.recent()) == 1  # no job for a refused link
