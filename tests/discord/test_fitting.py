"""Media made to fit where it is posted, through the bot: real workers, real ffmpeg."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pillow_heif import register_heif_opener

from bossbot.fit import probe
from tests.discord.conftest import (
    SPEC,
    StartBot,
    final_status,
    request_status,
)
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.made_media import clip, dash, decode_errors, noisy
from tests.fakes.media_server import MediaServer

pytestmark = [pytest.mark.slow, pytest.mark.timeout(150)]
register_heif_opener()
TIER_0 = 10 * 1024 * 1024  # the fake server's boost tier 0 limit per file
MP4 = "video/mp4"


def posts(fake: FakeDiscord) -> list[dict[str, Any]]:
    """The bot's messages carrying files."""
    return [message for message in fake.bot_messages() if message["attachments"]]


def saved(tmp_path: Path, attachment: dict[str, Any]) -> Path:
    """A posted attachment written to a file, to probe it."""
    path = tmp_path / f"posted-{attachment['filename']}"
    path.write_bytes(attachment["data"])
    return path


async def test_a_clip_over_the_limit_here_is_compressed_to_fit_and_the_post_says_so(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, tmp_path: Path
) -> None:
    big = noisy(tmp_path / "big.mp4", 4).read_bytes()
    assert len(big) > TIER_0
    await start_bot(allow_private_urls=True)
    url = media_server.add("/big.mp4", big, content_type=MP4)
    status = await request_status(fake_discord, f"$dl {url}")
    await final_status(fake_discord, int(status["id"]), "✅", seconds=120)
    [post] = posts(fake_discord)
    [attachment] = post["attachments"]
    posted = saved(tmp_path, attachment)
    assert posted.suffix == ".mp4"
    assert len(attachment["data"]) <= TIER_0
    assert decode_errors(posted) == ""
    assert abs(probe(posted).duration - 4) <= 0.5
    assert "\n-# 🗜️ compressed " in post["content"]


async def test_a_video_too_long_to_shrink_is_refused_with_what_would_fit(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, tmp_path: Path
) -> None:
    roles = {name: role.model_copy(update={"max_file_size": 1024 * 1024})
             for name, role in SPEC.roles.items()}  # fmt: skip
    long = clip(tmp_path / "long.mp4", 1800, "64x48", "-r", "1", "-qp", "0")
    assert long.stat().st_size > 1024 * 1024
    await start_bot(SPEC.model_copy(update={"roles": roles}), allow_private_urls=True)
    url = media_server.add("/long.mp4", long.read_bytes(), content_type=MP4)
    status = await request_status(fake_discord, f"$dl {url}")
    text = await final_status(fake_discord, int(status["id"]), "🗜️", seconds=60)
    assert text.startswith("🗜️ `long.mp4` runs 30 min: even shrunk to 240p it needs about ")
    assert "over the 1 MiB limit here. At this limit a clip up to " in text
    assert "; no server boost level would take all of it." in text  # the role allows 1 MiB
    assert posts(fake_discord) == []


async def test_separate_video_and_audio_formats_are_merged_into_one_file(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, tmp_path: Path
) -> None:
    files = dash(tmp_path / "dash")
    await start_bot(allow_private_urls=True)
    for name, body in files.items():
        kind = "application/dash+xml" if name.endswith(".mpd") else MP4
        url = media_server.add(f"/dash/{name}", body, content_type=kind)
    status = await request_status(fake_discord, f"$dl {url.rsplit('/', 1)[0]}/manifest.mpd")
    await final_status(fake_discord, int(status["id"]), "✅", seconds=60)
    [post] = posts(fake_discord)
    [attachment] = post["attachments"]
    kinds = {stream.kind for stream in probe(saved(tmp_path, attachment)).streams}
    assert kinds == {"video", "audio"}


async def test_audio_only_posts_the_sound_alone(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, tmp_path: Path
) -> None:
    source = clip(tmp_path / "talk.mp4", 3)
    await start_bot(allow_private_urls=True)
    url = media_server.add("/talk.mp4", source.read_bytes(), content_type=MP4)
    await fake_discord.send_slash("dl", {"url": url, "audio": True})
    await fake_discord.wait_for(lambda r: bool(r.files), timeout=60)
    [post] = posts(fake_discord)
    [attachment] = post["attachments"]
    streams = probe(saved(tmp_path, attachment)).streams
    assert [stream.kind for stream in streams] == ["audio"]
    assert "\n-# 🎵 audio only" in post["content"]


def processes_using(folder: Path) -> list[str]:
    """Command lines of the live processes that name ``folder`` (ffmpeg's file: paths do)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and str(folder) in line:
            found.append(line)
    return found


async def test_cancel_during_the_compression_stops_ffmpeg_and_leaves_no_files(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, tmp_path: Path
) -> None:
    fit = SPEC.fit.model_copy(update={"preset": "slower", "threads": 1})
    big = noisy(tmp_path / "big.mp4", 8).read_bytes()  # about 28 MiB: over tier 0
    await start_bot(SPEC.model_copy(update={"fit": fit}), allow_private_urls=True)
    url = media_server.add("/big.mp4", big, content_type=MP4)
    status = await request_status(fake_discord, f"$dl {url}")
    await final_status(fake_discord, int(status["id"]), "🗜️ Compressing", seconds=90)
    [row] = fake_discord.message(int(status["id"]))["components"]
    button = row["components"][0]["custom_id"]  # bossbot:cancel:<job>
    assert button.startswith("bossbot:cancel:")
    job = button.rsplit(":", 1)[1]
    folder = tmp_path / "data" / "tmp" / job
    assert any("ffmpeg" in line for line in processes_using(folder))  # the encode runs
    pressed = await fake_discord.send_component(button, int(status["id"]))
    await fake_discord.wait_for("POST", rf"/interactions/{pressed['id']}/")
    await final_status(fake_discord, int(status["id"]), "🛑", seconds=10)
    for _ in range(100):  # the worker's group is killed within 2 s
        if not processes_using(folder):
            break
        await asyncio.sleep(0.02)
    assert processes_using(folder) == []
    assert not folder.exists()
    assert posts(fake_discord) == []


async def test_a_big_png_and_a_heic_photo_are_posted_as_images_discord_shows(
    fake_discord: FakeDiscord, start_bot: StartBot, media_server: MediaServer, tmp_path: Path
) -> None:
    big, phone = tmp_path / "photo.png", tmp_path / "phone.heic"
    Image.frombytes("RGB", (2400, 1800), os.urandom(2400 * 1800 * 3)).save(big, compress_level=1)
    Image.radial_gradient("L").convert("RGB").save(phone, "HEIF")
    assert big.stat().st_size > 12 * 1024 * 1024
    await start_bot(allow_private_urls=True)
    one = media_server.add("/photo.png", big.read_bytes(), content_type="image/png")
    two = media_server.add("/phone.heic", phone.read_bytes(), content_type="image/heic")
    for url in (one, two):
        status = await request_status(fake_discord, f"$dl {url}")
        await final_status(fake_discord, int(status["id"]), "✅", seconds=60)
    attachments = [post["attachments"][0] for post in posts(fake_discord)]
    assert [a["filename"] for a in attachments] == ["photo.jpg", "phone.jpg"]
    for attachment in attachments:
        assert len(attachment["data"]) <= TIER_0
        with Image.open(saved(tmp_path, attachment)) as shown:
            assert shown.format == "JPEG"
            shown.load()
    captions = [post["content"] for post in posts(fake_discord)]
    assert "\n-# 🗜️ compressed 12.4 MiB → " in captions[0]
    assert "\n-# 🖼️ converted HEIF → JPEG" in captions[1]
