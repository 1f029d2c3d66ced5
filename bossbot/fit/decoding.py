"""The last word on a downloaded file: does its decoder read it, all the way through?

Structure is checked by :mod:`bossbot.media.parse`; here Pillow decodes images (bounded in
pixels), ffmpeg decodes audio and reads every packet of video (copied, not decoded: fast).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from bossbot.errors import BadMedia
from bossbot.fit.image import open_image
from bossbot.fit.probing import described
from bossbot.fit.process import FfmpegFailed, run_ffmpeg, source
from bossbot.fit.progress import FitProgress
from bossbot.fit.streams import MediaInfo, parse_report
from bossbot.media.names import sanitize_filename
from bossbot.spec import Fit

IMAGES = frozenset({"png", "jpg", "gif", "webp", "bmp", "tiff", "heic", "avif"})
SOUNDS = frozenset({"mp3", "m4a", "ogg", "flac", "wav"})  # decoded whole: cheap for audio


def decodes(path: Path, kind: str, fit: Fit) -> MediaInfo | None:
    """Refuse ``path`` unless its decoder reads the whole of it as ``kind``.

    Audio and video are read by one ffmpeg run that also reports what the file holds.

    Returns:
        The streams and duration of audio or video (so fitting need not ask again); None
        for an image.

    Raises:
        BadMedia: The decoder fails, an image has more pixels than ``fit`` allows, or
            audio or video has no stream or no length.
    """
    name = sanitize_filename(path.name)
    if kind in IMAGES:
        with open_image(path, fit.max_image_pixels) as image:
            try:
                image.load()
            except (OSError, ValueError, Image.DecompressionBombError, SyntaxError) as exc:
                raise BadMedia(f"{path}: {exc}", name=name) from None
        return None
    copy = [] if kind in SOUNDS else ["-c", "copy"]  # video: every packet read, not decoded
    args = [*source(path, 1), "-xerror", "-map", "0", *copy, "-f", "null", "-"]
    read: list[FitProgress] = []
    try:
        log = run_ffmpeg(args, niceness=0, on_progress=read.append, level="info")
    except FfmpegFailed as failed:
        raise BadMedia(f"{path}: {failed.log[-300:]}", name=name) from None
    info = parse_report(log.split("\nOutput #", 1)[0])  # the input's report, not the output's
    return described(path, info, lambda: read[-1].done if read else 0.0)
