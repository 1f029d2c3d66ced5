"""Fit one video to the cap: keep it, remux it, or re-encode it smaller until it fits."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bossbot.errors import BadMedia, TooLarge
from bossbot.fit.budget import plan_video, refusal
from bossbot.fit.encode import channels_of, remux_args, video_args
from bossbot.fit.passes import check_length, copy_fits, encode_until_fits, readable
from bossbot.fit.probing import probe
from bossbot.fit.progress import ProgressFn
from bossbot.fit.result import Action, FitResult, measured, output_for
from bossbot.fit.streams import MediaInfo
from bossbot.media.magic import sniff_file
from bossbot.media.names import sanitize_filename
from bossbot.spec import Fit

PLAYABLE = {"mp4": ({"h264"}, {"aac", "mp3"}), "webm": ({"vp8", "vp9"}, {"opus", "vorbis"})}
"""Containers Discord plays inline, with the video and audio codecs they may hold."""
PIXELS = {"yuv420p", "yuvj420p"}


def playable_container(info: MediaInfo) -> str | None:
    """``mp4`` or ``webm`` when the streams play inline in that container, else None."""
    video, audio = info.video, info.audio
    if video is None or video.pixels not in PIXELS:
        return None
    for container, (videos, audios) in PLAYABLE.items():
        if video.codec in videos and (audio is None or audio.codec in audios):
            return container
    return None


def _result(
    src: Path, out: Path, info: MediaInfo, action: Action, cap: int, **more: int
) -> FitResult:
    """What was done, measured on the files."""
    short = min(info.video.width, info.video.height) if info.video else 0
    before = sniff_file(src) or info.container.split(",")[0]
    height = more.pop("height", short)
    return measured(src, out, action, "video", cap, before, height_before=short,
                    height_after=height, **more)  # fmt: skip


def fit_video(
    src: Path, info: MediaInfo | None = None, *, cap: int, fit: Fit, workdir: Path,
    tiers: Mapping[str, int] | None = None, on_progress: ProgressFn | None = None,
) -> FitResult:  # fmt: skip
    """Make ``src`` an inline-playable video of at most ``cap`` bytes (see ``fit_file``).

    ``info`` is what :func:`probe` says of ``src`` (probed here when not given).

    Raises:
        TooLarge: Fitting is off and the file is over the cap.
        TooLongToFit: It must be re-encoded but runs longer than ``fit.max_duration``.
        CannotFit: Even the floor (minimum height and bitrate) would be over the cap.
        BadMedia: ffmpeg cannot read it.
    """
    info = info or probe(src, fit.niceness)
    size, name = src.stat().st_size, sanitize_filename(src.name)
    if info.video is None or not info.video.width or not info.video.height:
        raise BadMedia(f"no picture size in {src}", name=name)
    container, kind = playable_container(info), sniff_file(src)
    if size <= cap and (container == kind or not fit.enabled):
        return _result(src, src, info, "kept", cap)
    if not fit.enabled:
        raise TooLarge(f"{src} is {size} bytes", name=name, size=size, limit=cap)
    with readable(src):
        if container is not None and container != kind:
            out = output_for(src, workdir, container)
            if copy_fits(remux_args(src, out, container), out, cap, fit):
                return _result(src, out, info, "remuxed", cap)
        return _encode(src, info, cap, fit, workdir, tiers or {}, on_progress)


def _encode(
    src: Path, info: MediaInfo, cap: int, fit: Fit, workdir: Path,
    tiers: Mapping[str, int], on_progress: ProgressFn | None,
) -> FitResult:  # fmt: skip
    """Re-encode with a budget that shrinks after each overshoot, up to ``fit.passes`` times."""
    video, audio, duration = info.video, info.audio, info.duration or 0.0
    assert video is not None  # noqa: S101 - only videos come here
    check_length(src, duration, fit)
    out, plans = output_for(src, workdir, "mp4"), []

    def args_for(squeeze: float) -> list[str] | None:
        source_kbps = None if audio is None else audio.kbps
        plan = plan_video(video.width, video.height, video.fps, duration, source_kbps, cap,
                          fit, squeeze)  # fmt: skip
        plans.append(plan)
        channels = channels_of(audio.pixels) if audio else 0
        return None if plan is None else video_args(src, out, plan, fit, channels)

    attempts = encode_until_fits(out, cap, fit, duration, on_progress, args_for)
    if attempts is not None and plans[-1] is not None:
        height = min(plans[-1].width, plans[-1].height)
        return _result(src, out, info, "encoded", cap, height=height, attempts=attempts)
    floor = fit.min_video_kbps + (fit.audio_min_kbps if audio else 0)
    raise refusal(sanitize_filename(src.name), duration, video.fps, audio is not None, cap,
                  tiers, floor_kbps=floor, min_height=fit.min_height)  # fmt: skip
