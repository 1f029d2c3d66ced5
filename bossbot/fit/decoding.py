"""The last word on a downloaded file: does its decoder read it, all the way through?

Structure is checked by :mod:`bossbot.media.parse`; here Pillow decodes images (bounded in
pixels), ffmpeg decodes audio and reads every packet of video (copied, not decoded: fast).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from bossbot.errors import BadMedia
from bossbot.fit.image import open_image
from bossbot.fit.process import FfmpegFailed, run_ffmpeg, source
from bossbot.media.names import sanitize_filename
from bossbot.spec import Fit

IMAGES = frozenset({"png", "jpg", "gif", "webp", "bmp", "tiff", "heic", "avif"})
SOUNDS = frozenset({"mp3", "m4a", "ogg", "flac", "wav"})  # decoded whole: cheap for audio


def decodes(path: Path, kind: str, fit: Fit) -> None:
    """Refuse ``path`` unless its decoder reads the whole of it as ``kind``.

    Raises:
        BadMedia: The decoder fails, or an image has more pixels than ``fit`` allows.
    """
    name = sanitize_filename(path.name)
    if kind in IMAGES:
        with open_image(path, fit.max_image_pixels) as image:
            try:
                image.load()
            except (OSError, ValueError, Image.DecompressionBombError, SyntaxError) as exc:
                raise BadMedia(f"{path}: {exc}", name=name) from None
        return
    copy = [] if kind in SOUNDS else ["-c", "copy"]  # video: every packet read, not decoded
    args = [*source(path, 1), "-xerror", "-map", "0", *copy, "-f", "null", "-"]
    try:
        run_ffmpeg(args, niceness=0)
    except FfmpegFailed as failed:
        raise BadMedia(f"{path}: {failed.log[-300:]}", name=name) from None
