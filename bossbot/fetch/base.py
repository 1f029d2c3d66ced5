"""What every downloader shares: progress reports, the request, and how a run reports back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Progress:
    """A snapshot of one job's download progress.

    Attributes:
        done: Bytes written so far (all files of the job).
        total: Expected bytes, when the site told us; None when unknown.
        speed: Bytes per second, when known.
        eta: Seconds left, when known.
        file_index: 1-based number of the file being fetched.
        file_count: Number of files, when known (galleries).
        stage: ``download``, or ``compress`` / ``recompress`` while a file is made to fit
            (then ``done`` of ``total`` is per mille of the encode).
    """

    done: int = 0
    total: int | None = None
    speed: float | None = None
    eta: float | None = None
    file_index: int = 1
    file_count: int | None = None
    stage: str = "download"


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True, slots=True)
class Choice:
    """What the member asked for, and what the job may download, to pick a format.

    Attributes:
        cap: The upload cap (a format this small needs no re-encode).
        download_cap: The most one file may be to be fetched and fitted afterwards.
        min_height: The least height worth re-encoding from.
        quality: The tallest height wanted (``quality`` option), None for the best.
        audio: Audio only (``audio`` option).
    """

    cap: int
    download_cap: int
    min_height: int = 240
    quality: int | None = None
    audio: bool = False

    def height_filter(self) -> str:
        """``[height<=720]`` for a quality choice, else nothing."""
        return f"[height<={self.quality}]" if self.quality else ""


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """One download to perform (inside a worker process).

    Attributes:
        url: The URL, already checked by the URL policy.
        dest: The job's own empty temp dir; nothing may be written outside it.
        cap: Hard byte cap per file, enforced while streaming.
        site: Name of the matched site group in the spec (for cookies, logs).
        rate_limit: Bytes per second, 0 for unlimited.
        cookies: Optional Netscape cookies file for the site group.
        proxy: The egress guard URL (with the step's credential) every request goes through.
        choice: How to pick among a page's formats (yt-dlp); None: the best within ``cap``.
    """

    url: str
    dest: Path
    cap: int
    site: str = "other"
    rate_limit: int = 0
    cookies: Path | None = None
    proxy: str | None = None
    choice: Choice | None = None


class Report(Protocol):
    """Where a downloader reports, from inside its worker process."""

    def progress(self, progress: Progress, *, force: bool = False) -> None:
        """Download progress (throttled unless ``force``: the last report of a file)."""
        ...

    def finished(self, path: Path) -> None:
        """A file was written completely."""
        ...

    def chose(self, tool: str) -> None:
        """The tool that read the link (``yt-dlp``, ``gallery-dl``)."""
        ...

    def describe(self, info: dict[str, Any]) -> None:
        """What the tool said of the media (:mod:`bossbot.fetch.describe`)."""
        ...


Runner = Callable[[FetchRequest, Report], list[Path]]
"""A downloader: fetch ``request.url`` into ``request.dest`` and return the files written,
in order. Raises :class:`bossbot.errors.BossError` subclasses (TooLarge, NotFound...);
it is stopped by killing its worker process."""
