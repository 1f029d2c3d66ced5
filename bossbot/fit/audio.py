"""Audio alone: the source codec when Discord plays it, else AAC in M4A, fitted to the cap."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bossbot.errors import BadMedia
from bossbot.fit.budget import SAFETY, overhead, refusal
from bossbot.fit.encode import audio_args, channels_of
from bossbot.fit.passes import check_length, copy_fits, encode_until_fits, readable
from bossbot.fit.probing import probe
from bossbot.fit.process import file_url, source
from bossbot.fit.progress import ProgressFn
from bossbot.fit.result import Action, FitResult, measured, output_for
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
    before = sniff_file(src) or src.suffix.lstrip(".")
    return measured(src, out, action, "audio", cap, before, attempts=attempts)


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
    if kind and info.video is None and sniff_file(src) == kind and src.stat().st_size <= cap:
        return _result(src, src, "kept", cap)
    with readable(src):
        if kind:
            out = output_for(src, workdir, kind)
            args = [*source(src, 1), *ONLY_AUDIO, "-c:a", "copy", "-f", MUXERS[kind], file_url(out)]
            if copy_fits(args, out, cap, fit):
                return _result(src, out, "remuxed", cap)
        return _encode(src, info, cap, fit, workdir, tiers or {}, on_progress)


def _encode(
    src: Path, info: MediaInfo, cap: int, fit: Fit, workdir: Path,
    tiers: Mapping[str, int], on_progress: ProgressFn | None,
) -> FitResult:  # fmt: skip
    """AAC in M4A at the rate the cap allows, lowered after each overshoot."""
    duration, audio = max(info.duration or 0.0, 0.1), info.audio
    assert audio is not None  # noqa: S101 - checked by the caller
    check_length(src, duration, fit)
    out = output_for(src, workdir, "m4a")

    def args_for(squeeze: float) -> list[str] | None:
        budget = (cap * SAFETY - overhead(duration, None, True)) * squeeze * 8 / duration / 1000
        kbps = min(budget, fit.audio_max_kbps, audio.kbps or fit.audio_max_kbps)
        if kbps < fit.audio_min_kbps:
            return None
        sound = audio_args(int(kbps), channels_of(audio.pixels))
        return [*source(src, fit.threads), *ONLY_AUDIO, *sound, "-f", "ipod", file_url(out)]

    attempts = encode_until_fits(out, cap, fit, duration, on_progress, args_for)
    if attempts is not None:
        return _result(src, out, "encoded", cap, attempts)
    raise refusal(sanitize_filename(src.name), duration, None, True, cap, tiers,
                  floor_kbps=fit.audio_min_kbps, min_height=None)  # fmt: skip
