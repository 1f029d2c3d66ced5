"""Passes over a file: a stream copy, the length guard, then encodes until the output fits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bossbot.errors import BadMedia, TooLongToFit
from bossbot.fit.budget import SAFETY
from bossbot.fit.process import FfmpegFailed, run_ffmpeg
from bossbot.fit.progress import ProgressFn
from bossbot.media.names import sanitize_filename
from bossbot.spec import Fit

RETRY_MARGIN = 0.95
"""After an overshoot, aim this much lower again than the overshoot alone says."""

ArgsFor = Callable[[float], list[str] | None]
"""``squeeze`` (1.0, then smaller) -> the ffmpeg arguments, or None below the floor."""


@contextmanager
def readable(src: Path) -> Iterator[None]:
    """Turn ffmpeg failing on ``src`` into :class:`BadMedia` (broken, or not media).

    Raises:
        BadMedia: With the file's safe name.
    """
    try:
        yield
    except FfmpegFailed as exc:
        name = sanitize_filename(src.name)
        raise BadMedia(f"ffmpeg failed on {src}: {exc.log}", name=name) from None


def copy_fits(args: list[str], out: Path, cap: int, fit: Fit) -> bool:
    """Run a stream copy into ``out``; True when it fits ``cap``, else ``out`` is removed."""
    run_ffmpeg(args, niceness=fit.niceness, output=out)
    if out.stat().st_size <= cap:
        return True
    out.unlink()
    return False


def check_length(src: Path, duration: float, fit: Fit) -> None:
    """Refuse before encoding anything longer than ``fit.max_duration``.

    Raises:
        TooLongToFit: With the duration and the bound.
    """
    if duration > fit.max_duration:
        raise TooLongToFit(
            f"{src}: {duration:.0f} s", name=sanitize_filename(src.name), duration=duration,
            max_duration=fit.max_duration,
        )  # fmt: skip


def encode_until_fits(
    out: Path, cap: int, fit: Fit, total: float, on_progress: ProgressFn | None,
    args_for: ArgsFor,
) -> int | None:  # fmt: skip
    """Encode with ``args_for(squeeze)``, measure ``out``, and shrink the budget on overshoot.

    Returns:
        The number of encodes run once ``out`` is at most ``cap`` bytes; None (and no
        ``out`` left) when ``args_for`` found the floor out of reach or every pass overshot.
    """
    squeeze = 1.0
    for attempt in range(1, fit.passes + 1):
        args = args_for(squeeze)
        if args is None:
            break
        run_ffmpeg(args, niceness=fit.niceness, total=total, on_progress=on_progress,
                   attempt=attempt, output=out)  # fmt: skip
        size = out.stat().st_size
        if size <= cap:
            return attempt
        squeeze *= cap * SAFETY / size * RETRY_MARGIN
    out.unlink(missing_ok=True)
    return None
