"""What watches one yt-dlp run from inside its worker: progress, the cap, logs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from loguru import logger
from yt_dlp.utils import DownloadCancelled

from bossbot.errors import BossError, TooLarge
from bossbot.fetch.base import FetchRequest, Progress, Report
from bossbot.fetch.files import display_name
from bossbot.media.names import sanitize_filename

_OVER_MAX = re.compile(r"larger than max-filesize \((\d+) bytes > (\d+) bytes\)")


class Abort(DownloadCancelled):
    """Raised inside yt-dlp to stop the run; carries the domain error to report."""

    def __init__(self, error: BossError) -> None:
        super().__init__(error.detail)
        self.error = error


class Watch:
    """Progress hook, match filter and logger of one run; each may abort it."""

    def __init__(self, request: FetchRequest, report: Report) -> None:
        self.cap = request.cap
        self.report = report
        self.name = display_name(request.url)
        self.finished_bytes = 0
        self.log = logger.bind(site=request.site, downloader="yt-dlp")

    def too_large(self, size: int) -> Abort:
        """The abort for a file of ``size`` bytes over the cap."""
        return Abort(
            TooLarge(f"{self.name}: {size} bytes", name=self.name, size=size, limit=self.cap)
        )

    def hook(self, status: dict[str, Any]) -> None:
        """yt-dlp progress hook: report progress and enforce the cap."""
        if status.get("filename"):
            self.name = sanitize_filename(Path(status["filename"]).name, max_length=60)
        got = int(status.get("downloaded_bytes") or 0)
        total = status.get("total_bytes")
        if got > self.cap or (total and total > self.cap):
            raise self.too_large(max(got, int(total or 0)))
        info = status.get("info_dict") or {}
        finished = status.get("status") == "finished"
        estimate = total or status.get("total_bytes_estimate")
        progress = Progress(
            done=self.finished_bytes + got,
            total=self.finished_bytes + int(estimate) if estimate else None,
            speed=status.get("speed"),
            eta=status.get("eta"),
            file_index=int(info.get("playlist_index") or 1),
            file_count=info.get("n_entries") or info.get("playlist_count"),
        )
        if finished:
            self.finished_bytes += got
        self.report.progress(progress, force=finished)
        if finished and status.get("filename"):
            self.report.finished(Path(status["filename"]))

    def match_filter(self, info: dict[str, Any], *, incomplete: object = False) -> str | None:
        """Called before formats are chosen: remember a name for messages; accept all."""
        title = info.get("title") or info.get("id")
        if title:
            self.name = sanitize_filename(str(title), max_length=60)
        return None

    def debug(self, message: str) -> None:
        """yt-dlp screen and debug output; the max-filesize notice becomes TooLarge."""
        if match := _OVER_MAX.search(message):
            raise self.too_large(int(match[1]))
        self.log.trace("{}", message.strip())

    def info(self, message: str) -> None:
        """yt-dlp information."""
        self.debug(message)

    def warning(self, message: str) -> None:
        """yt-dlp warnings go to our log."""
        self.log.warning("{}", message.strip())

    def error(self, message: str) -> None:
        """yt-dlp errors are raised to us as well; log them quietly."""
        self.log.debug("{}", message.strip())
