"""The complete, explicit yt-dlp options of one download: nothing else leaks in."""

from __future__ import annotations

import sysconfig
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bossbot.fetch.base import Choice, FetchRequest
from bossbot.fit.binary import find_ffmpeg

OUTPUT_TEMPLATE = "%(id).60B.%(ext)s"
SOCKET_TIMEOUT = 20  # a stalled site is the guard's minimum-rate rule's; cancel kills
MAX_ITEMS = 20
DENO = "bossbot-deno"  # deno with the worker's data limit lifted: V8 reserves memory early


def js_runtimes() -> dict[str, dict[str, str]]:
    """yt-dlp's JavaScript runtime (YouTube needs one): deno, through our launcher."""
    launcher = Path(sysconfig.get_path("scripts")) / DENO
    return {"deno": {"path": str(launcher)}} if launcher.is_file() else {"deno": {}}


def ffmpeg_path() -> str | None:
    """The ffmpeg yt-dlp merges with: the system's, else the imageio-ffmpeg wheel's."""
    try:
        return str(find_ffmpeg().path)
    except FileNotFoundError:
        return None


def _fits(limit: int) -> str:
    return f"[filesize<?{limit}][filesize_approx<?{limit}]"


def format_spec(choice: Choice, *, ffmpeg: bool) -> str:
    """A format selector: the best that fits the upload cap, else the smallest adequate.

    Unknown sizes pass (the streaming cap still holds). With ffmpeg, separate video and
    audio streams that fit together come second. When fitting may re-encode (a download
    cap over the upload cap), the smallest format at least ``min_height`` tall comes next,
    not the largest: it is the cheapest to download and to re-encode.
    """
    cap, most, height = choice.cap, choice.download_cap, choice.height_filter()
    if choice.audio:
        return f"ba{_fits(cap)}/ba{_fits(most)}/b{_fits(most)}"
    wanted = [f"b{height}{_fits(cap)}"]
    if ffmpeg:
        wanted.append(f"bv*{height}{_fits(cap * 4 // 5)}+ba{_fits(cap // 5)}")
    if most > cap:
        adequate = f"{height}[height>={choice.min_height}]"
        if ffmpeg:
            wanted.append(f"wv*{adequate}{_fits(most * 4 // 5)}+wa{_fits(most // 5)}")
        wanted += [f"w{adequate}{_fits(most)}", f"w{height}{_fits(most)}"]
    return "/".join(wanted)


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
        "format": format_spec(request.choice or Choice(request.cap, request.cap), ffmpeg=ffmpeg),
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
    if ffmpeg:
        params["ffmpeg_location"] = ffmpeg_path()
    if request.rate_limit:
        params["ratelimit"] = request.rate_limit
    if request.cookies is not None:
        params["cookiefile"] = str(request.cookies)
    return params
