"""Cancelling downloads: by command, by button, by moderators; refusals for the rest."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.discord.conftest import (
    StartBot,
    final_status,
    job_id_in,
    reply_to,
    request_status,
    spec_with,
)
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_server import MediaServer

OTHER = 4242


async def endless(fake: FakeDiscord, media: MediaServer, name: str = "slow") -> dict:
    """Start a download that runs until cancelled; return its status message once queued."""
    url = media.add(f"/{name}.mp4", b"", mode="endless", content_type="video/mp4")
    status = await request_status(fake, f"$dl {url}")
    await final_status(fake, int(status["id"]), "🕒")
    return fake.message(int(status["id"]))


async def test_requester_cancels_a_running_download(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, tmp_path: Path
):
    await start_bot(allow_private_urls=True)
    status = await endless(fake_discord, media_server)
    job = job_id_in(status["content"])
    reply = await reply_to(fake_discord, f"$dlc {job}")
    assert reply["content"].startswith(f"🛑 Cancelled job `{job}`")
    text = await final_status(fake_discord, int(status["id"]), "🛑")
    assert text.startswith("🛑 Cancelled.\n-# <http://127.0.0.1:")  # it names its link
    assert not (tmp_path / "data" / "tmp" / job).exists()
    assert fake_discord.message(int(status["id"]))["components"] == []


async def test_someone_else_is_refused_and_a_moderator_may(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    await start_bot(allow_private_urls=True)
    job = job_id_in((await endless(fake_discord, media_server))["content"])
    denied = await reply_to(fake_discord, f"$dlc {job}", user_id=OTHER)
    assert denied["content"].replace(job, "<job>") == snapshot(name="not yours")
    moderator = [fake_discord.role_ids["Moderator"]]
    done = await reply_to(fake_discord, f"$dlc {job}", user_id=OTHER + 1, roles=moderator)
    assert done["content"].startswith(f"🛑 Cancelled job `{job}` (someone else's job)")
    again = await reply_to(fake_discord, f"$dlc {job}")
    assert again["content"].replace(job, "<job>") == snapshot(name="already finished")


async def test_cancel_while_queued(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(spec_with(max_concurrent=1), allow_private_urls=True)
    first = await endless(fake_discord, media_server, "one")
    second = await endless(fake_discord, media_server, "two")
    assert "position 1" in second["content"] or "next" in second["content"]
    await reply_to(fake_discord, f"$dlc {job_id_in(second['content'])}")
    assert await final_status(fake_discord, int(second["id"]), "🛑")
    assert media_server.hits("/two.mp4") == 0
    assert not fake_discord.message(int(first["id"]))["content"].startswith("🛑")


async def test_cancel_button_for_requester_only(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    await start_bot(allow_private_urls=True)
    status = await endless(fake_discord, media_server)
    job = job_id_in(status["content"])
    button = f"bossbot:cancel:{job}"
    other = await fake_discord.send_component(button, int(status["id"]), user_id=OTHER)
    await fake_discord.wait_for("POST", rf"/interactions/{other['id']}/")
    refusal = fake_discord.interaction(other["id"]).responses[0]["data"]
    assert refusal["flags"] & 64
    assert refusal["content"].replace(job, "<job>") == snapshot(name="button refused")
    mine = await fake_discord.send_component(button, int(status["id"]))
    await fake_discord.wait_for("POST", rf"/interactions/{mine['id']}/")
    assert await final_status(fake_discord, int(status["id"]), "🛑")


async def test_nothing_to_cancel_and_unknown_ids(fake_discord: FakeDiscord, bot, snapshot):
    nothing = await reply_to(fake_discord, "$dlc")
    unknown = await reply_to(fake_discord, "$cancel zzzzzz")
    assert [nothing["content"], unknown["content"]] == snapshot


async def test_slash_cancel_autocompletes_own_jobs(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(allow_private_urls=True)
    job = job_id_in((await endless(fake_discord, media_server))["content"])
    typed = await fake_discord.send_autocomplete("dlc", {"job": job[:2]})
    await fake_discord.wait_for("POST", rf"/interactions/{typed['id']}/")
    choices = fake_discord.interaction(typed["id"]).responses[0]["data"]["choices"]
    assert [choice["value"] for choice in choices] == [job]
    answer = await fake_discord.send_slash("dlc", {"job": job})
    await fake_discord.wait_for("POST", rf"/interactions/{answer['id']}/")
    assert fake_discord.interaction(answer["id"]).responses[0]["data"]["flags"] & 64


async def test_waiting_jobs_move_up_when_one_ahead_leaves(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    await start_bot(spec_with(max_concurrent=1), allow_private_urls=True)
    await endless(fake_discord, media_server, "one")
    second = await endless(fake_discord, media_server, "two")
    third = await endless(fake_discord, media_server, "three")
    assert "position 2" in third["content"]
    await reply_to(fake_discord, f"$dlc {job_id_in(second['content'])}")
    for _ in range(100):
        if "next" in fake_discord.message(int(third["id"]))["content"]:
            break
        await asyncio.sleep(0.1)
    assert "you're next" in fake_discord.message(int(third["id"]))["content"]
