"""Still images: keep what Discord shows and fits; convert or recompress the rest (Pillow)."""

from __future__ import annotations

import io
import math
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from bossbot.errors import BadMedia, TooLarge
from bossbot.fit.result import FitResult, output_for
from bossbot.media.names import sanitize_filename
from bossbot.spec import Fit

register_heif_opener()  # HEIC/HEIF; Pillow reads AVIF, BMP and TIFF itself

SHOWN = {"JPEG", "PNG", "GIF", "WEBP"}
"""Formats Discord shows inline; HEIF, AVIF, BMP and TIFF are converted."""
QUALITIES = (90, 80, 70, 60, 50, 40)
MIN_SIDE = 16
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
_UNREADABLE = (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError)


def open_image(src: Path, max_pixels: int) -> Image.Image:
    """Open ``src`` (header only) and refuse it when it is not an image or is too big.

    Raises:
        BadMedia: Not an image Pillow reads, or more than ``max_pixels`` pixels.
    """
    name = sanitize_filename(src.name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(src)
    except (*_UNREADABLE, Image.DecompressionBombWarning):
        raise BadMedia(f"not an image Pillow reads: {src}", name=name) from None
    if image.width * image.height > max_pixels:
        image.close()
        raise BadMedia(f"{src} is {image.width}x{image.height}, over {max_pixels} px", name=name)
    return image


def _upright(image: Image.Image) -> tuple[Image.Image, bool]:
    """The first frame turned by its EXIF orientation, in RGB or RGBA; and whether alpha."""
    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "PA", "RGBa") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        if rgba.getchannel("A").getextrema()[0] < 255:
            return rgba, True
    return image.convert("RGB"), False


def _encode(image: Image.Image, fmt: str, quality: int | None) -> bytes:
    """``image`` saved as ``fmt`` (lossless PNG when ``quality`` is None)."""
    buffer = io.BytesIO()
    if fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, fmt, quality=quality, optimize=fmt == "JPEG", method=4)
    return buffer.getvalue()


def _fitting(image: Image.Image, alpha: bool, cap: int) -> tuple[str, bytes] | int:
    """The best ``(format, bytes)`` of ``image`` within ``cap``; else the smallest size made."""
    fmt = "WEBP" if alpha else "JPEG"
    if alpha and len(lossless := _encode(image, "PNG", None)) <= cap:
        return "PNG", lossless
    smallest = len(_encode(image, fmt, QUALITIES[-1]))
    if smallest > cap:
        return smallest
    for quality in QUALITIES:
        data = _encode(image, fmt, quality)
        if len(data) <= cap:
            return fmt, data
    raise AssertionError("unreachable: the lowest quality fitted")  # pragma: no cover


def fit_image(src: Path, *, cap: int, fit: Fit, workdir: Path) -> FitResult:
    """``src`` as an image Discord shows, of at most ``cap`` bytes; EXIF tags are dropped.

    Raises:
        BadMedia: Not an image, unreadable, or over ``fit.max_image_pixels``.
        TooLarge: Not even a tiny version fits ``cap``.
    """
    size, name = src.stat().st_size, sanitize_filename(src.name)
    with open_image(src, fit.max_image_pixels) as opened:
        fmt_before = opened.format or "image"
        if fmt_before in SHOWN and size <= cap:
            short = min(opened.size)
            return FitResult(src, "kept", "image", size, size, fmt_before, fmt_before, short, short)
        if not fit.enabled and size > cap:
            raise TooLarge(f"{src} ({fmt_before}) is {size} bytes", name=name, size=size, limit=cap)
        if not fit.enabled:
            raise BadMedia(f"{src} is {fmt_before}, not shown inline; fitting is off", name=name)
        try:
            picture, alpha = _upright(opened)
        except _UNREADABLE:
            raise BadMedia(f"cannot decode {src}", name=name) from None
    width, height = picture.size
    scale = 1.0
    while min(width, height) * scale >= MIN_SIDE:
        size_now = (max(1, round(width * scale)), max(1, round(height * scale)))
        current = picture if scale == 1 else picture.resize(size_now, Image.Resampling.LANCZOS)
        found = _fitting(current, alpha, cap)
        if not isinstance(found, int):
            fmt, data = found
            out = output_for(src, workdir, EXTENSIONS[fmt])
            out.write_bytes(data)
            return FitResult(out, "converted", "image", size, len(data), fmt_before, fmt,
                             min(width, height), min(size_now), over_cap=size > cap)  # fmt: skip
        scale *= min(0.75, math.sqrt(cap / found) * 0.9)
    raise TooLarge(f"{src}: no size fits {cap}", name=name, size=size, limit=cap)
