"""Audio alone: the source codec when Discord plays it, else AAC in M4A, fitted to the cap."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bossbot.errors import BadMedia, TooLongToFit
from bossbot.fit.budget import SAFETY, overhead, refusal
from bossbot.fit.encode import audio_args, channels_of
from bossbot.fit.probing import probe
from bossbot.fit.process import FfmpegFailed, file_url, run_ffmpeg, source
from bossbot.fit.progress import ProgressFn
from bossbot.fit.result import Action, FitResult, output_for
from bossbot.fit.streams import MediaInfo
from bossbot.media.magic import sniff_file
from bossbot.media.names import sanitize_filename
from bossbot.spec import Fit

PLAYED = {"aac": "m4a", "mp3": "mp3", "opus": "ogg", "vorbis": "ogg", "flac": "flac",
          "pcm_s16le": "wav"}  # fmt: skip
"""Audio codecs Discord plays inline, and the file type each is posted as."""
MUXERS = {"m4a": "ipod", "mp3": "mp3", "ogg": "ogg", "flac": "flac", "wav": "wav"}
ONLY_AUDIO = ["-vn", "-sn", "-dn", "-map", "0:a:0", "-map_metadata", "-1"]


def _result(src: Path, out: Path, action: Action, cap: int, attempts: int = 0) -> FitResult:
    """What was done, measured on the files."""
    before, size = sniff_file(src) or src.suffix.lstrip("."), src.stat().st_size
    return FitResult(
        path=out, action=action, kind="audio", size_before=size, size_after=out.stat().st_size,
        format_before=before.upper(), format_after=out.suffix.lstrip(".").upper(),
        attempts=attempts, over_cap=size > cap,
    )  # fmt: skip


def fit_audio(
    src: Path, info: MediaInfo | None = None, *, cap: int, fit: Fit, workdir: Path,
    tiers: Mapping[str, int] | None = None, on_progress: ProgressFn | None = None,
) -> FitResult:  # fmt: skip
    """The audio of ``src`` (a video or an audio file) as a file of at most ``cap`` bytes.

    ``info`` is what :func:`probe` says of ``src`` (probed here when not given).

    Raises:
        BadMedia: ``src`` has no audio, or ffmpeg cannot read it.
        TooLongToFit: It must be re-encoded but runs longer than ``fit.max_duration``.
        CannotFit: Even ``fit.audio_min_kbps`` over its duration is over the cap.
    """
    info = info or probe(src, fit.niceness)
    audio, name = info.audio, sanitize_filename(src.name)
    if audio is None:
        raise BadMedia(f"no audio in {src}", name=name)
    kind = PLAYED.get(audio.codec)
    try:
        if kind and info.video is None and sniff_file(src) == kind and src.stat().st_size <= cap:
            return _result(src, src, "kept", cap)
        if kind:
            out = output_for(src, workdir, kind)
            args = [*source(src, 1), *ONLY_AUDIO, "-c:a", "copy", "-f", MUXERS[kind], file_url(out)]
            run_ffmpeg(args, niceness=fit.niceness, output=out)
            if out.stat().st_size <= cap:
                return _result(src, out, "remuxed", cap)
            out.unlink()
        return _encode(src, info, cap, fit, workdir, tiers or {}, on_progress)
    except FfmpegFailed as exc:
        raise BadMedia(f"ffmpeg failed on {src}: {exc.log}", name=name) from None


def _encode(
    src: Path, info: MediaInfo, cap: int, fit: Fit, workdir: Path,
    tiers: Mapping[str, int], on_progress: ProgressFn | None,
) -> FitResult:  # fmt: skip
    """AAC in M4A at the rate the cap allows, lowered after each overshoot."""
    duration, name = max(info.duration or 0.0, 0.1), sanitize_filename(src.name)
    if duration > fit.max_duration:
        raise TooLongToFit(
            f"{src}: {duration:.0f} s", name=name, duration=duration, max_duration=fit.max_duration
        )
    assert info.audio is not None  # noqa: S101 - checked by the caller
    out, squeeze = output_for(src, workdir, "m4a"), 1.0
    for attempt in range(1, fit.passes + 1):
        budget = (cap * SAFETY - overhead(duration, None, True)) * squeeze * 8 / duration / 1000
        kbps = min(budget, fit.audio_max_kbps, info.audio.kbps or fit.audio_max_kbps)
        if kbps < fit.audio_min_kbps:
            break
        sound = audio_args(int(kbps), channels_of(info.audio.pixels))
        args = [*source(src, fit.threads), *ONLY_AUDIO, *sound, "-f", "ipod", file_url(out)]
        run_ffmpeg(args, niceness=fit.niceness, total=duration, on_progress=on_progress,
                   attempt=attempt, output=out)  # fmt: skip
        if out.stat().st_size <= cap:
            return _result(src, out, "encoded", cap, attempt)
        squeeze *= cap * SAFETY / out.stat().st_size * 0.95
    out.unlink(missing_ok=True)
    raise refusal(name, duration, None, True, cap, tiers, floor_kbps=fit.audio_min_kbps,
                  min_height=None)  # fmt: skip
