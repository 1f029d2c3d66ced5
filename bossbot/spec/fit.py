"""The ``[fit]`` table: how media that does not fit (or does not play) is made to fit."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from bossbot.spec.models import Strict
from bossbot.spec.strict import not_below
from bossbot.spec.units import ByteSize, parse_size

Preset = Literal["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower"]


class Fit(Strict):
    """Fitting files to the upload cap: the floor below which we refuse, and CPU bounds.

    Attributes:
        enabled: Off: a file over the cap fails as too large, nothing is converted.
        max_duration: Seconds; a longer video is refused before any encode is tried.
        min_height: Shortest side (pixels) a video may be scaled down to.
        min_video_kbps: Lowest video bitrate worth posting; below it the video is refused.
        min_bits_per_pixel: Video bits per pixel per frame below which resolution steps down.
        max_fps: Frame rate a tight encode is reduced to (a higher one is kept when bits allow).
        preset: x264 preset: slower ones compress better and cost more CPU.
        threads: Threads one ffmpeg run may use.
        niceness: CPU niceness ffmpeg adds to its worker's (at most 19 in all): it yields.
        audio_min_kbps: Lowest audio bitrate of a re-encode.
        audio_max_kbps: Highest audio bitrate of a re-encode.
        passes: Encodes tried before giving up when the output keeps overshooting the cap.
        max_image_pixels: Largest image (width x height) decoded; bigger ones are refused.
        max_download: Largest file downloaded to be fitted (a larger one is too large).
    """

    enabled: bool = True
    max_duration: float = Field(3600.0, ge=1.0, le=86_400.0)
    min_height: int = Field(240, ge=64, le=2160)
    min_video_kbps: int = Field(150, ge=16, le=50_000)
    min_bits_per_pixel: float = Field(0.04, gt=0.0, le=1.0)
    max_fps: int = Field(30, ge=5, le=120)
    preset: Preset = "veryfast"
    threads: int = Field(2, ge=1, le=64)
    niceness: int = Field(10, ge=0, le=19)
    audio_min_kbps: int = Field(32, ge=8, le=320)
    audio_max_kbps: int = Field(128, ge=8, le=320)
    passes: int = Field(3, ge=1, le=6)
    max_image_pixels: int = Field(50_000_000, ge=1_000_000, le=500_000_000)
    max_download: ByteSize = Field(parse_size("200MiB"), ge=parse_size("1MiB"))

    @field_validator("audio_max_kbps")
    @classmethod
    def _bounds_in_order(cls, value: int, info: ValidationInfo) -> int:
        """``audio_max_kbps`` may not be below ``audio_min_kbps``."""
        return int(not_below(value, info, "audio_min_kbps"))
