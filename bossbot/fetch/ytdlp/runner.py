"""yt-dlp, embedded in a worker process: cap while streaming, every request via the guard."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from yt_dlp.globals import plugin_dirs
from yt_dlp.utils import YoutubeDLError

from bossbot.fetch.base import FetchRequest, Report
from bossbot.fetch.describe import from_yt_dlp
from bossbot.fetch.files import finished_files, tidy_names
from bossbot.fetch.ytdlp.errors import map_error
from bossbot.fetch.ytdlp.extractors import new_downloader
from bossbot.fetch.ytdlp.params import build_params, ffmpeg_path
from bossbot.fetch.ytdlp.watch import Abort, Watch


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


def _private_cookies(request: FetchRequest) -> FetchRequest:
    """yt-dlp writes cookies back: give it a copy inside the job folder."""
    if request.cookies is None:
        return request
    copy = request.dest / ".cookies.txt"
    shutil.copyfile(request.cookies, copy)
    return replace(request, cookies=copy)


def download(request: FetchRequest, report: Report) -> list[Path]:
    """Run yt-dlp to the end; return the finished files (see :data:`bossbot.fetch.Runner`)."""
    plugin_dirs.value = []  # never load yt-dlp plugins from the user's or system's dirs
    request.dest.mkdir(parents=True, exist_ok=True)
    request = _private_cookies(request)
    watch = Watch(request, report)
    params = build_params(
        request,
        logger=watch,
        hook=watch.hook,
        match_filter=watch.match_filter,
        ffmpeg=ffmpeg_path() is not None,
    )
    try:
        with new_downloader(params) as ydl:
            ydl.format_selector = _fitting(watch, ydl.format_selector)
            try:
                info = ydl.extract_info(request.url, download=True)
            except Abort as abort:
                raise abort.error from None
            except YoutubeDLError as exc:
                raise map_error(exc) from None
    finally:
        if request.cookies is not None:
            request.cookies.unlink(missing_ok=True)
    report.describe(from_yt_dlp(ydl.sanitize_info(info) or {}, request.url))
    return tidy_names(finished_files(request.dest))
