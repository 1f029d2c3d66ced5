"""What every downloader shares: progress reports and the fetch contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


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
    """

    done: int = 0
    total: int | None = None
    speed: float | None = None
    eta: float | None = None
    file_index: int = 1
    file_count: int | None = None


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """One download to perform.

    Attributes:
        url: The URL, already checked by the URL policy.
        dest: The job's own empty temp dir; nothing may be written outside it.
        cap: Hard byte cap per file, enforced while streaming.
        site: Name of the matched site group in the spec (for cookies, logs).
        rate_limit: Bytes per second, 0 for unlimited.
        cookies: Optional Netscape cookies file for the site group.
    """

    url: str
    dest: Path
    cap: int
    site: str = "other"
    rate_limit: int = 0
    cookies: Path | None = None


class Fetcher(Protocol):
    """A downloader. Cancel it by cancelling the awaiting task: it stops within 2 s."""

    async def fetch(self, request: FetchRequest, on_progress: ProgressCallback) -> list[Path]:
        """Download into ``request.dest`` and return the files written, in order.

        Raises:
            bossbot.errors.BossError: A domain error (TooLarge, NotFound, NetworkError...).
        """
        ...
