"""Links as members paste them into commands, and `$words` that are not our commands."""

from __future__ import annotations

import asyncio
from typing import Any

from bossbot.discord.app import BotApp
from tests.discord.conftest import SPEC, StartBot, reply_to, slash_answer
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.jobs import until
from tests.fakes.media_files import clip_mp4, png
from tests.fakes.media_server import MediaServer

OTHER = 4242


def replies_to(fake: FakeDiscord, message: dict[str, Any]) -> list[str]:
    """The contents of the bot's replies to ``message``."""
    return [
        m["content"]
        for m in fake.bot_messages()
        if (m.get("message_reference") or {}).get("message_id") == message["id"]
    ]


async def jobs_of(app: BotApp, count: int) -> list[Any]:
    """The bot's jobs, once there are ``count`` of them (queued after the address check)."""
    for _ in range(200):
        if len(jobs := await app.services.jobs.store.recent()) >= count:
            return jobs
        await asyncio.sleep(0.05)
    raise AssertionError(f"expected {count} jobs")


async def settled(fake: FakeDiscord) -> None:
    """Wait until the bot answered a later ``$help``: earlier messages were handled by then."""
    await reply_to(fake, "$help")


async def test_a_message_without_a_link_gets_one_clear_answer(
    fake_discord: FakeDiscord, bot: BotApp, snapshot
):
    sent = await fake_discord.send_message("$dl check this out, it is great")
    await settled(fake_discord)
    assert replies_to(fake_discord, sent) == snapshot
    assert await bot.services.jobs.store.recent() == []


async def test_words_around_a_link_are_ignored_without_a_word(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    sent = await fake_discord.send_message(f"$dl check this out [my clip](<{url}>)!")
    await until(lambda: replies_to(fake_discord, sent), 10)
    await settled(fake_discord)
    [status] = replies_to(fake_discord, sent)
    assert status.startswith("⏳") or status.startswith("🕒")
    [job] = await jobs_of(app, 1)
    assert job.url == url


async def test_several_links_with_and_without_separators_make_one_job_each(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, snapshot
):
    app = await start_bot(allow_private_urls=True)
    a, b, c = (media_server.add(f"/{n}.png", png(seed=n), content_type="image/png") for n in
               range(3))  # fmt: skip
    sent = await fake_discord.send_message(f"$dl {a},{b}\n({c}). also ftp://example.org/x")
    await until(lambda: len(replies_to(fake_discord, sent)) == 4, 10)
    jobs = await jobs_of(app, 3)
    assert sorted(job.url for job in jobs) == sorted([a, b, c])
    note = replies_to(fake_discord, sent)[-1]
    assert note == snapshot


async def test_the_slash_command_reads_its_text_the_same_way(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer
):
    app = await start_bot(allow_private_urls=True)
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    await slash_answer(fake_discord, "dl", {"url": f"here: <{url.upper()[:5]}{url[5:]}>"})
    [job] = await jobs_of(app, 1)
    assert job.url == url  # the scheme comes back in lower case


async def test_unknown_words_stay_silent_and_near_misses_get_one_hint_a_minute(
    fake_discord: FakeDiscord, bot: BotApp, snapshot
):
    silent = [await fake_discord.send_message(text) for text in
              ["$TSLA to the moon", "$5 is cheap", "$play never gonna", "$balance"]]  # fmt: skip
    first = await fake_discord.send_message("$hlep")
    second = await fake_discord.send_message("$hlep")
    other = await fake_discord.send_message("$hlep", user_id=OTHER)
    await settled(fake_discord)
    assert [replies_to(fake_discord, m) for m in silent] == [[], [], [], []]
    assert replies_to(fake_discord, first) == snapshot
    assert replies_to(fake_discord, second) == []  # the same member, within the cooldown
    assert replies_to(fake_discord, other) == replies_to(fake_discord, first)


async def test_hints_can_be_declared_off(fake_discord: FakeDiscord, start_bot: StartBot):
    hints = SPEC.hints.model_copy(update={"unknown_commands": False})
    await start_bot(SPEC.model_copy(update={"hints": hints}))
    sent = await fake_discord.send_message("$hlep")
    await settled(fake_discord)
    assert replies_to(fake_discord, sent) == []
