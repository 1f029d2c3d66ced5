"""The complete, explicit yt-dlp options of one download: nothing else leaks in."""

from __future__ import annotations

import shutil
import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bossbot.fetch.base import FetchRequest

OUTPUT_TEMPLATE = "%(id).60B.%(ext)s"
SOCKET_TIMEOUT = 20  # a stalled site is the guard's minimum-rate rule's; cancel kills
MAX_ITEMS = 20
DENO = "bossbot-deno"  # deno with the worker's data limit lifted: V8 reserves memory early


def js_runtimes() -> dict[str, dict[str, str]]:
    """yt-dlp's JavaScript runtime (YouTube needs one): deno, through our launcher."""
    launcher = Path(sysconfig.get_path("scripts")) / DENO
    return {"deno": {"path": str(launcher)}} if launcher.is_file() else {"deno": {}}


def has_ffmpeg() -> bool:
    """True when ffmpeg is on PATH, so separate video and audio can be merged."""
    return shutil.which("ffmpeg") is not None


def format_spec(cap: int, *, ffmpeg: bool) -> str:
    """A format selector that only picks formats that fit ``cap`` (unknown sizes pass).

    With ffmpeg, separate best video and audio streams that fit together come second.
    """

    def fits(limit: int) -> str:
        return f"[filesize<?{limit}][filesize_approx<?{limit}]"

    single = f"b{fits(cap)}"
    if not ffmpeg:
        return single
    video, audio = cap * 4 // 5, cap // 5
    return f"{single}/bv*{fits(video)}+ba{fits(audio)}"


def build_params(
    request: FetchRequest,
    *,
    logger: object,
    hook: Callable[[dict[str, Any]], None],
    match_filter: Callable[..., str | None],
    ffmpeg: bool,
) -> dict[str, Any]:
    """yt-dlp parameters for ``request``: fixed templates, the guard as proxy, our hooks.

    No config file is read by the embedded API; no user text reaches a template; no
    ``exec``, external downloader, netrc command or post-processor other than the merger.
    The proxy applies to every request handler, curl-cffi's included.
    """
    params: dict[str, Any] = {
        "logger": logger,
        "progress_hooks": [hook],
        "match_filter": match_filter,
        "quiet": True,
        "no_warnings": False,
        "noprogress": True,
        "no_color": True,
        "noplaylist": True,
        "playlist_items": f"1:{MAX_ITEMS}",
        "paths": {"home": str(request.dest), "temp": str(request.dest)},
        "outtmpl": {"default": OUTPUT_TEMPLATE},
        "restrictfilenames": True,
        "windowsfilenames": True,
        "trim_file_name": 80,
        "overwrites": True,
        "continuedl": False,
        "cachedir": False,
        "usenetrc": False,
        "socket_timeout": SOCKET_TIMEOUT,
        "retries": 0,  # the job executor retries transient failures, with backoff
        "fragment_retries": 1,
        "extractor_retries": 0,
        "file_access_retries": 0,
        "max_filesize": request.cap,
        "format": format_spec(request.cap, ffmpeg=ffmpeg),
        "format_sort": ["res:720", "ext:mp4:m4a"],
        "merge_output_format": "mp4",
        "writethumbnail": False,
        "writesubtitles": False,
        "updatetime": False,
        "proxy": request.proxy or "",
        "external_downloader": {"default": "native"},
        "hls_prefer_native": True,
        "js_runtimes": js_runtimes(),
    }
    if request.rate_limit:
        params["ratelimit"] = request.rate_limit
    if request.cookies is not None:
        params["cookiefile"] = str(request.cookies)
    return params
