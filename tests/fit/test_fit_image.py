"""Images Discord does not show, or over the cap, become a JPEG, PNG or WebP that fits."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pillow_heif import register_heif_opener

from bossbot.errors import BadMedia, TooLarge
from bossbot.fit import fit_file, fit_image
from bossbot.spec import Fit
from tests.fit.conftest import CAP, decode_errors, info, make

register_heif_opener()


def noise(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """Random pixels: they barely compress, so sizes are predictable."""
    return Image.frombytes(mode, (width, height), os.urandom(width * height * len(mode)))


def test_a_12_mib_png_becomes_an_image_under_the_cap(tmp_path: Path, fit: Fit) -> None:
    png = tmp_path / "photo.png"
    noise(2400, 1800).save(png, compress_level=1)
    assert png.stat().st_size > 12 * 1024 * 1024
    result = fit_file(png, cap=CAP, fit=fit, workdir=tmp_path / "fit")
    assert result.path.stat().st_size == result.size_after <= CAP
    assert (result.kind, result.action, result.format_after) == ("image", "converted", "JPEG")
    with Image.open(result.path) as fitted:
        assert fitted.format == "JPEG"
        fitted.load()
    assert result.summary is not None
    assert result.summary.startswith("🗜️ compressed 12.4 MiB → ")


@pytest.mark.parametrize("fmt", ["HEIF", "AVIF", "BMP", "TIFF"])
def test_formats_discord_does_not_show_are_converted(tmp_path: Path, fit: Fit, fmt: str) -> None:
    src = tmp_path / f"shot.{fmt.lower()}"
    Image.radial_gradient("L").convert("RGB").save(src, fmt)
    result = fit_image(src, cap=CAP, fit=fit, workdir=tmp_path / "fit")
    assert (result.action, result.format_before, result.format_after) == ("converted", fmt, "JPEG")
    assert result.path.name == "shot.jpg"
    assert result.summary == f"🖼️ converted {fmt} → JPEG"
    with Image.open(result.path) as fitted:
        assert (fitted.format, fitted.size) == ("JPEG", (256, 256))


def test_transparency_is_kept_in_png_or_webp(tmp_path: Path, fit: Fit) -> None:
    small = tmp_path / "logo.tiff"
    Image.new("RGBA", (64, 64), (255, 0, 0, 128)).save(small)
    assert fit_image(small, cap=CAP, fit=fit, workdir=tmp_path / "a").format_after == "PNG"
    big = tmp_path / "sticker.png"
    noise(400, 400, "RGBA").save(big)
    result = fit_image(big, cap=200_000, fit=fit, workdir=tmp_path / "b")
    assert result.format_after == "WEBP"
    assert result.size_after <= 200_000
    with Image.open(result.path) as fitted:
        assert fitted.mode == "RGBA"


def test_exif_orientation_is_applied_and_resizing_keeps_the_aspect(tmp_path: Path) -> None:
    photo = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    noise(800, 400).save(photo, quality=100, exif=exif)
    result = fit_image(photo, cap=60_000, fit=Fit(), workdir=tmp_path / "fit")
    assert result.size_after <= 60_000
    with Image.open(result.path) as fitted:
        width, height = fitted.size
        assert 1.9 < height / width < 2.1  # upright: taller than wide
        assert 0x0112 not in fitted.getexif()
    assert result.height_after == width < 400


def test_an_image_that_fits_and_shows_is_kept(tmp_path: Path, fit: Fit) -> None:
    jpg = tmp_path / "ok.jpg"
    noise(32, 32).save(jpg)
    result = fit_file(jpg, cap=CAP, fit=fit, workdir=tmp_path / "fit")
    assert (result.action, result.path, result.summary) == ("kept", jpg, None)


def test_with_fitting_off_images_are_not_converted(tmp_path: Path) -> None:
    bmp = tmp_path / "scan.bmp"
    noise(64, 64).save(bmp)
    with pytest.raises(BadMedia):
        fit_image(bmp, cap=CAP, fit=Fit(enabled=False), workdir=tmp_path)
    with pytest.raises(TooLarge):
        fit_image(bmp, cap=100, fit=Fit(enabled=False), workdir=tmp_path)


def _bomb(path: Path, side: int) -> Path:
    """A PNG header claiming ``side`` x ``side`` gray pixels, with 4 KiB of zeros as data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body + chunk(b"IEND", b""))
    return path


def test_decompression_bombs_and_non_images_are_refused(tmp_path: Path, fit: Fit) -> None:
    with pytest.raises(BadMedia):
        fit_file(_bomb(tmp_path / "bomb.png", 20_000), cap=100, fit=fit, workdir=tmp_path)
    with pytest.raises(BadMedia):
        fit_file(_bomb(tmp_path / "huge.png", 8000), cap=100, fit=fit, workdir=tmp_path)
    truncated = _bomb(tmp_path / "cut.png", 500)
    with pytest.raises(BadMedia):
        fit_image(truncated, cap=10, fit=fit, workdir=tmp_path)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(BadMedia):
        fit_file(text, cap=CAP, fit=fit, workdir=tmp_path)


def test_a_cap_too_small_for_any_image_is_too_large(tmp_path: Path, fit: Fit) -> None:
    png = tmp_path / "a.png"
    noise(64, 64).save(png)
    with pytest.raises(TooLarge):
        fit_image(png, cap=50, fit=fit, workdir=tmp_path / "fit")


def test_a_gif_over_the_cap_becomes_an_mp4(tmp_path: Path, fit: Fit) -> None:
    gif = make(tmp_path / "loop.gif", "-f", "lavfi", "-i", "testsrc2=s=161x121:r=10:d=2")
    cap = gif.stat().st_size - 1
    result = fit_file(gif, cap=cap, fit=fit, workdir=tmp_path / "fit")
    assert (result.kind, result.format_before, result.format_after) == ("animation", "GIF", "MP4")
    assert result.size_after <= cap
    assert decode_errors(result.path) == ""
    video = info(result.path).video
    assert video is not None
    assert (video.codec, video.pixels) == ("h264", "yuv420p")
    assert (video.width % 2, video.height % 2) == (0, 0)
    assert result.summary is not None
    assert result.summary.startswith("🎞️ GIF turned into a video: ")


def test_an_animated_webp_that_fits_is_kept_and_one_over_becomes_mp4(tmp_path: Path) -> None:
    frames = [noise(96, 64) for _ in range(6)]
    webp = tmp_path / "anim.webp"
    frames[0].save(webp, save_all=True, append_images=frames[1:], duration=100, lossless=True)
    fit, size = Fit(), webp.stat().st_size
    kept = fit_file(webp, cap=size, fit=fit, workdir=tmp_path / "fit")
    assert (kept.action, kept.kind) == ("kept", "animation")
    with pytest.raises(TooLarge):
        fit_file(webp, cap=size - 1, fit=Fit(enabled=False), workdir=tmp_path / "fit")
    made = fit_file(webp, cap=size - 1, fit=fit, workdir=tmp_path / "fit")
    assert (made.format_after, made.kind) == ("MP4", "animation")
    assert made.size_after < size
