"""``/settings`` and ``$settings`` through the fake Discord: who may, what holds, restarts."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bossbot.discord.app import build_app
from bossbot.discord.serve import serve
from bossbot.settings import Settings
from tests.discord.conftest import SPEC, SYNC, StartBot, reply_to, slash_answer, uploads
from tests.discord.test_results import NO_MANAGE, done
from tests.fakes.discord import ids
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.timeout(90)
EPHEMERAL = 64
MP4 = "video/mp4"


async def owner_says(fake: FakeDiscord, text: str) -> str:
    """The server owner (every permission) sends ``text``; returns the bot's reply."""
    return (await reply_to(fake, text, user_id=ids.OWNER_ID))["content"]


async def test_a_member_without_manage_server_is_refused_privately(
    fake_discord: FakeDiscord, start_bot: StartBot, snapshot
):
    app = await start_bot()
    answer = await slash_answer(fake_discord, "settings", {"setting": "auto", "value": "on"})
    assert answer["data"]["flags"] & EPHEMERAL
    moderator = [ids.MODERATOR_ROLE_ID]  # Manage Messages, not Manage Server
    reply = await reply_to(fake_discord, "$settings auto on", roles=moderator)
    assert answer["data"]["content"] == reply["content"] == snapshot
    assert await app.services.jobs.store.guild_settings(fake_discord.guild_id) == []  # type: ignore[union-attr]


async def test_the_owner_sees_and_changes_settings_and_bad_values_are_explained(
    fake_discord: FakeDiscord, start_bot: StartBot, snapshot
):
    await start_bot()
    shown = await slash_answer(fake_discord, "settings", user_id=ids.OWNER_ID)
    assert shown["data"]["flags"] & EPHEMERAL
    said = [shown["data"]["content"]]
    for text in ("auto on", "sites reddit tiktok", "buttons 600", "embeds off", "buttons 5",
                 "sites mars", "auto maybe", "buttons default", "show"):  # fmt: skip
        said.append(await owner_says(fake_discord, f"$settings {text}"))
    help_text = (await reply_to(fake_discord, "$help"))["content"]
    assert said == snapshot
    assert help_text.splitlines()[-1] == snapshot(name="help line")


async def run_bot(fake: FakeDiscord, data: Path) -> tuple[asyncio.Event, asyncio.Task[None]]:
    """A bot on ``data`` that the test stops itself (to start another on the same file)."""
    config = Settings(
        discord_token=fake.token, discord_api_url=fake.rest_url, guild_ids=(fake.guild_id,),
        data_dir=data, allow_private_urls=True,
    )  # fmt: skip
    stop = asyncio.Event()
    task = asyncio.create_task(serve(build_app(config, SPEC), stop))
    await fake.wait_for("PUT", SYNC, timeout=15, new_only=True)
    return stop, task


async def test_settings_survive_a_restart(
    fake_discord: FakeDiscord, media_server: MediaServer, tmp_path: Path
):
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    stop, task = await run_bot(fake_discord, tmp_path / "data")
    await owner_says(fake_discord, "$settings auto on")
    await owner_says(fake_discord, "$settings sites direct_video")
    stop.set()
    await asyncio.wait_for(task, 15)
    stop, task = await run_bot(fake_discord, tmp_path / "data")
    try:
        sent = await fake_discord.send_message(f"here {url}")
        [upload] = await uploads(fake_discord)
        assert upload.json["message_reference"]["message_id"] == sent["id"]
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


async def test_a_server_that_turned_previews_off_keeps_them(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    await owner_says(fake_discord, "$settings embeds off")
    status = await done(fake_discord, f"$dl {url}")
    request = status["message_reference"]["message_id"]
    await asyncio.sleep(0.5)
    assert fake_discord.message(int(request))["flags"] == 0


async def test_previews_hidden_on_success_where_the_bot_may(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    answer = await owner_says(fake_discord, "$settings embeds on")
    assert "Manage Messages" not in answer
    status = await done(fake_discord, f"$dl {url}")
    request = status["message_reference"]["message_id"]
    await fake_discord.wait_for("PATCH", rf"/channels/\d+/messages/{request}$")
    assert fake_discord.message(int(request))["flags"] & 4  # SUPPRESS_EMBEDS


@pytest.mark.fake_discord(roles=NO_MANAGE)
async def test_without_manage_messages_the_server_is_told_clearly(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type=MP4)
    answer = await owner_says(fake_discord, "$settings embeds on")
    status = await done(fake_discord, f"$dl {url}")
    request = status["message_reference"]["message_id"]
    told = await fake_discord.wait_for(
        lambda r: r.method == "POST" and isinstance(r.json, dict)
        and "Manage Messages" in str(r.json.get("content"))
        and (r.json.get("message_reference") or {}).get("message_id") == request,
    )  # fmt: skip
    assert fake_discord.message(int(request))["flags"] == 0
    assert [answer, told.json["content"]] == snapshot
