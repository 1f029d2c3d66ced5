"""The progress line of a download, as users see it in the status message and terminal."""

from __future__ import annotations

from bossbot.fetch.base import Progress
from bossbot.spec.units import format_size

CELLS = 10
FULL, EMPTY = "▰", "▱"


def bar(fraction: float) -> str:
    """A ten-cell bar; a cell fills only when its whole tenth is done."""
    filled = max(0, min(CELLS, int(fraction * CELLS)))
    return FULL * filled + EMPTY * (CELLS - filled)


def duration(seconds: float) -> str:
    """``6 s``, ``2 min 5 s``, ``1 h 4 min``, ``3 d 2 h``: short, rounded to the unit shown."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    if whole < 86_400:
        hours, rest = divmod(whole, 3600)
        minutes = rest // 60
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, rest = divmod(whole, 86_400)
    return f"{days} d {rest // 3600} h" if rest >= 3600 else f"{days} d"


def progress_line(progress: Progress) -> str:
    """``⬇️ Downloading… ▰▰▰▱▱▱▱▱▱▱ 31 % · 3.1 MiB of 10 MiB · 1.2 MiB/s · ETA 6 s``.

    Galleries add ``file n of m``; an unknown total shows bytes and speed only.
    """
    if progress.stage != "download":  # a file being made to fit
        part = min(1.0, progress.done / progress.total) if progress.total else None
        line = compress_line(part, progress.eta, again=progress.stage == "recompress")
        counted = progress.file_count and progress.file_count > 1
        return line + (f" · file {progress.file_index} of {progress.file_count}" if counted else "")
    head = "⬇️ Downloading…"
    parts: list[str] = []
    if progress.total:
        percent = min(100, progress.done * 100 // progress.total)
        head += f" {bar(progress.done / progress.total)} {percent} %"
    if progress.file_count and progress.file_count > 1:
        parts.append(f"file {progress.file_index} of {progress.file_count}")
    if progress.total:
        parts.append(f"{format_size(progress.done)} of {format_size(progress.total)}")
    else:
        parts.append(format_size(progress.done))
    if progress.speed:
        parts.append(f"{format_size(progress.speed)}/s")
    if progress.total and progress.eta is not None and progress.done < progress.total:
        parts.append(f"ETA {duration(progress.eta)}")
    return " · ".join([head, *parts])


def compress_line(part: float | None, eta: float | None = None, *, again: bool = False) -> str:
    """``🗜️ Compressing… ▰▰▰▰▱▱▱▱▱▱ 40 % · ETA 12 s`` (``again, smaller`` after an overshoot).

    ``part`` is the done part of the encode (0..1), None when its length is unknown.
    """
    head = "🗜️ Compressing again, smaller…" if again else "🗜️ Compressing…"
    if part is None:
        return head
    line = f"{head} {bar(part)} {int(part * 100)} %"
    if eta is not None and part < 1:
        line += f" · ETA {duration(eta)}"
    return line
