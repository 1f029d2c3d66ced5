"""What fitting did to one file, for the caption and the logs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bossbot.media.names import free_name, sanitize_filename, split_extension
from bossbot.messages.fit import fit_summary

Action = Literal["kept", "remuxed", "encoded", "converted"]


@dataclass(frozen=True, slots=True)
class FitResult:
    """The file to post, and how it came to be (picklable, for a worker to send back).

    Attributes:
        path: The file to post: the source itself when ``kept``, else a new file in the
            work folder (the source is left in place for the caller to remove).
        action: ``kept`` as it was, ``remuxed`` (streams copied into another container),
            ``encoded`` (video or audio re-encoded) or ``converted`` (image re-saved).
        kind: ``video``, ``audio``, ``image`` or ``animation`` (a GIF made a video).
        size_before: Bytes of the source.
        size_after: Bytes of ``path``.
        format_before: Short name of the source format (``MKV``, ``HEIC``, ``GIF``...).
        format_after: Short name of the result format (``MP4``, ``JPEG``...).
        height_before: Shorter side of the picture before (0 for audio).
        height_after: Shorter side after.
        attempts: Encodes run (0 when nothing was encoded).
        over_cap: The source was over the cap (else it changed only to play or show inline).
    """

    path: Path
    action: Action
    kind: str
    size_before: int
    size_after: int
    format_before: str = ""
    format_after: str = ""
    height_before: int = 0
    height_after: int = 0
    attempts: int = 0
    over_cap: bool = False

    @property
    def summary(self) -> str | None:
        """One line for the member (None when the file was kept as it was)."""
        return fit_summary(self)


def measured(
    src: Path, out: Path, action: Action, kind: str, cap: int, before: str, **more: int
) -> FitResult:
    """The result of turning ``src`` (of format ``before``) into ``out``, sizes measured."""
    size = src.stat().st_size
    return FitResult(
        path=out, action=action, kind=kind, size_before=size, size_after=out.stat().st_size,
        format_before=before.upper(), format_after=out.suffix.lstrip(".").upper(),
        over_cap=size > cap, **more,
    )  # fmt: skip


def output_for(src: Path, workdir: Path, extension: str) -> Path:
    """A free, safe path in ``workdir`` named like ``src`` with ``extension``."""
    workdir.mkdir(parents=True, exist_ok=True)
    stem, _ = split_extension(src.name)
    return free_name(workdir, sanitize_filename(f"{stem}.{extension}"))
