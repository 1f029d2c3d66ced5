"""yt-dlp, embedded, in a worker thread: cancel within seconds, cap while streaming."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from yt_dlp.globals import plugin_dirs
from yt_dlp.utils import YoutubeDLError

from bossbot.fetch.base import FetchRequest, ProgressCallback
from bossbot.fetch.files import clear, finished_files, tidy_names
from bossbot.fetch.progress import Reporter
from bossbot.fetch.ytdlp.errors import map_error
from bossbot.fetch.ytdlp.extractors import new_downloader
from bossbot.fetch.ytdlp.params import build_params, has_ffmpeg
from bossbot.fetch.ytdlp.watch import Abort, Watch

STOP_WAIT = 1.8  # a cancelled fetch returns after at most this long, even if yt-dlp lingers


def _fitting(watch: Watch, select: Any) -> Any:
    """Wrap yt-dlp's format selector: when no format fits the cap, say TooLarge."""

    def selector(ctx: dict[str, Any]) -> Iterator[dict[str, Any]]:
        chosen = list(select(ctx))
        if not chosen:
            sizes = [f.get("filesize") or f.get("filesize_approx") for f in ctx["formats"]]
            known = [int(s) for s in sizes if s]
            if known and min(known) > watch.cap:
                raise watch.too_large(min(known))
        yield from chosen

    return selector


def _download(request: FetchRequest, watch: Watch) -> list[Path]:
    """Run yt-dlp to the end (in a worker thread); return the finished files."""
    plugin_dirs.value = []  # never load yt-dlp plugins from the user's or system's dirs
    with tempfile.TemporaryDirectory(prefix="bossbot-cookies-") as scratch:
        if request.cookies is not None:  # yt-dlp writes cookies back: give it a copy
            copy = Path(scratch) / "cookies.txt"
            shutil.copyfile(request.cookies, copy)
            request = replace(request, cookies=copy)
        params = build_params(
            request,
            logger=watch,
            hook=watch.hook,
            match_filter=watch.match_filter,
            ffmpeg=has_ffmpeg(),
        )
        with new_downloader(params) as ydl:
            ydl.format_selector = _fitting(watch, ydl.format_selector)
            try:
                ydl.extract_info(request.url, download=True)
            except Abort as abort:
                raise abort.error from None
            except YoutubeDLError as exc:
                raise map_error(exc) from None
    return tidy_names(finished_files(request.dest))


def _consume(future: asyncio.Future[Any]) -> None:
    """Mark a worker's outcome as seen (it may end after its job was cancelled)."""
    if not future.cancelled():
        future.exception()


class YtDlpFetcher:
    """The :class:`~bossbot.fetch.base.Fetcher` for sites yt-dlp supports."""

    async def fetch(self, request: FetchRequest, on_progress: ProgressCallback) -> list[Path]:
        """Download ``request.url`` into ``request.dest``; see the Fetcher protocol.

        On any failure or cancel, ``request.dest`` is emptied before the error propagates.
        """
        stop = threading.Event()
        reporter = Reporter(on_progress, asyncio.get_running_loop())
        watch = Watch(request, stop, reporter.report)
        request.dest.mkdir(parents=True, exist_ok=True)
        worker = asyncio.ensure_future(asyncio.to_thread(_download, request, watch))
        worker.add_done_callback(_consume)
        try:
            return await asyncio.shield(worker)
        except asyncio.CancelledError:
            stop.set()
            await asyncio.wait([worker], timeout=STOP_WAIT)
            clear(request.dest)
            raise
        except BaseException:
            clear(request.dest)
            raise
