"""Real files of every kind the bot accepts, made once per test run with ffmpeg and Pillow."""

from __future__ import annotations

import io
import subprocess

import pytest
from PIL import Image
from pillow_heif import register_heif_opener

from bossbot.fit.binary import find_ffmpeg
from tests.fakes.media_files import clip_mp4

register_heif_opener()
SOUND = ["-f", "lavfi", "-i", "sine=frequency=440:duration=1"]
PICTURE = ["-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=1"]
ENCODED = {
    "mkv": [*PICTURE, *SOUND, "-c:v", "libx264", "-c:a", "aac"],
    "webm": [*PICTURE, *SOUND, "-c:v", "libvpx-vp9", "-c:a", "libopus"],
    "ogg": [*SOUND, "-c:a", "libopus"],
    "mp3": [*SOUND, "-c:a", "libmp3lame"],
    "flac": [*SOUND, "-c:a", "flac"],
    "wav": [*SOUND, "-c:a", "pcm_s16le"],
    "m4a": [*SOUND, "-c:a", "aac", "-f", "ipod"],
}


def _picture(kind: str) -> bytes:
    image = Image.radial_gradient("L").convert("RGB").resize((64, 48))
    out = io.BytesIO()
    image.save(out, {"jpg": "JPEG", "tif": "TIFF"}.get(kind, kind.upper()))
    return out.getvalue()


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Kind -> the bytes of a small, valid file of that kind."""
    folder = tmp_path_factory.mktemp("samples")
    made = {"mp4": clip_mp4()}
    for kind, args in ENCODED.items():
        out = folder / f"sample.{kind}"
        command = [str(find_ffmpeg().path), "-v", "error", "-y", *args, "-t", "1", str(out)]
        subprocess.run(command, check=True, timeout=60)
        made[kind] = out.read_bytes()
    for kind in ("png", "jpg", "gif", "webp", "bmp", "tif", "heif", "avif"):
        made[kind] = _picture(kind)
    return made
