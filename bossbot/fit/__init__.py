"""Fitting media to where it is posted: keep, remux, re-encode or convert, never over the cap.

Everything here is synchronous and CPU-bound, made to run in a worker process: ffmpeg is
started in the caller's process group, so killing the worker's group cancels it.
"""

from bossbot.fit.audio import fit_audio
from bossbot.fit.binary import Ffmpeg, find_ffmpeg, locate
from bossbot.fit.files import fit_file
from bossbot.fit.image import fit_image
from bossbot.fit.probing import probe
from bossbot.fit.progress import FitProgress, ProgressFn
from bossbot.fit.result import FitResult
from bossbot.fit.streams import MediaInfo, Stream, parse_report
from bossbot.fit.video import fit_video

__all__ = [
    "Ffmpeg",
    "FitProgress",
    "FitResult",
    "MediaInfo",
    "ProgressFn",
    "Stream",
    "find_ffmpeg",
    "fit_audio",
    "fit_file",
    "fit_image",
    "fit_video",
    "locate",
    "parse_report",
    "probe",
]
