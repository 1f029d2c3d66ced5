"""The bot process killed mid-upload and restarted: the file is posted exactly once.

Discord had accepted the upload but the bot never heard back, and by the restart Discord
has forgotten the nonce: only the marker on the posted message (its Delete button) can
tell the restarted bot that the batch is already there.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bossbot.jobs.sqlite.store import FILENAME
from tests.discord.conftest import ROOT, SYNC, final_status
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

UPLOAD = r"/channels/\d+/messages$"


async def start_process(
    fake: FakeDiscord, data: Path, commands: Path = ROOT / "commands.toml"
) -> asyncio.subprocess.Process:
    """``python -m bossbot run`` against the fake, private URLs allowed."""
    env = {**os.environ, **fake.env(), "BOSSBOT_DATA_DIR": str(data)}
    env.update(BOSSBOT_ALLOW_PRIVATE_URLS="true", BOSSBOT_COMMANDS_FILE=str(commands))
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bossbot", "run", env=env, cwd=data.parent,
        stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip


async def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Poll ``condition`` until it holds."""
    async with asyncio.timeout(seconds):
        while not condition():
            await asyncio.sleep(0.05)


@pytest.mark.slow
async def test_sigkill_mid_upload_then_restart_posts_once(
    fake_discord: FakeDiscord, media_server: MediaServer, tmp_path: Path
) -> None:
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    first = await start_process(fake_discord, tmp_path / "data")
    try:
        await fake_discord.wait_for("PUT", SYNC, timeout=30)
        request = await fake_discord.send_message(f"$dl {url}")
        await fake_discord.wait_for("POST", UPLOAD, timeout=10)  # the acknowledgement
        slow = fake_discord.inject("POST", UPLOAD, 200, times=1, delay=60)  # answered too late
        await wait_until(lambda: any(m["attachments"] for m in fake_discord.bot_messages()))
        assert slow.hits == 1  # Discord has the message; the bot never heard back
        fetched = media_server.hits("/clip.mp4")
        first.send_signal(signal.SIGKILL)
        await first.wait()
        fake_discord.forget_nonces()  # the restart comes after Discord's nonce window
        second = await start_process(fake_discord, tmp_path / "data")
        try:
            status = next(
                m for m in fake_discord.bot_messages()
                if (m.get("message_reference") or {}).get("message_id") == request["id"]
            )  # fmt: skip
            assert await final_status(fake_discord, int(status["id"]), "✅", seconds=30)
        finally:
            second.send_signal(signal.SIGTERM)
            await asyncio.wait_for(second.wait(), 20)
    finally:
        if first.returncode is None:
            first.kill()
    answered = [r for r in fake_discord.find_requests("POST", UPLOAD) if r.files]
    carrying = [m for m in fake_discord.bot_messages() if m["attachments"]]
    assert (slow.hits, answered, len(carrying)) == (1, [], 1)  # the restart posted nothing
    assert fake_discord.find_requests("GET", UPLOAD)  # ... by reading the channel
    assert carrying[0]["attachments"][0]["data"] == clip_mp4()
    assert carrying[0]["components"][0]["components"][0]["custom_id"].startswith("bossbot:delete:")
    assert media_server.hits("/clip.mp4") == fetched  # and nothing was downloaded again
    assert not list((tmp_path / "data" / "tmp").glob("*/*"))


def state_of(data: Path) -> str:
    """The state of the one job in the bot's SQLite file ('' before it exists)."""
    with sqlite3.connect(data / FILENAME) as conn:
        row = conn.execute("SELECT state FROM jobs").fetchone()
    return row[0] if row else ""


@pytest.mark.slow
async def test_a_bot_killed_before_its_status_showed_the_end_shows_it_after_the_restart(
    fake_discord: FakeDiscord, media_server: MediaServer, tmp_path: Path
) -> None:
    commands = tmp_path / "commands.toml"
    spec = (ROOT / "commands.toml").read_text(encoding="utf-8")
    commands.write_text(spec.replace("lease_seconds = 60 ", "lease_seconds = 5 "), "utf-8")
    url = media_server.add("/clip.mp4", clip_mp4(), content_type="video/mp4")
    data = tmp_path / "data"
    first = await start_process(fake_discord, data, commands)
    try:
        await fake_discord.wait_for("PUT", SYNC, timeout=30)
        fake_discord.inject("PATCH", r"/channels/\d+/messages/\d+$", 503, times=None)
        request = await fake_discord.send_message(f"$dl {url}")
        await wait_until(lambda: any(m["attachments"] for m in fake_discord.bot_messages()))
        await wait_until(lambda: state_of(data) == "done")  # committed; never shown
        first.send_signal(signal.SIGKILL)
        await first.wait()
    finally:
        if first.returncode is None:
            first.kill()
    fake_discord.clear_faults()
    [status] = [
        m for m in fake_discord.bot_messages()
        if (m.get("message_reference") or {}).get("message_id") == request["id"]
        and not m["attachments"]
    ]  # fmt: skip
    assert status["content"].startswith("⏳")  # what the member was left with
    second = await start_process(fake_discord, data, commands)
    try:
        assert await final_status(fake_discord, int(status["id"]), "✅", seconds=30)
        assert fake_discord.message(int(status["id"]))["components"] == []  # no Cancel
    finally:
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.wait(), 20)
    assert len([m for m in fake_discord.bot_messages() if m["attachments"]]) == 1
