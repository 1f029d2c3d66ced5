"""One call from a URL to files on disk, inside a worker: redirects, routing, the downloader."""

from __future__ import annotations

from pathlib import Path

from loguru import logger

from bossbot.errors import Unsupported
from bossbot.fetch.base import FetchRequest, Report, Runner
from bossbot.fetch.files import clear
from bossbot.fetch.gallery import download as gallery_dl
from bossbot.fetch.redirects import resolve
from bossbot.fetch.router import media_extensions, route, url_extension
from bossbot.fetch.urls import check_url
from bossbot.fetch.ytdlp import download as yt_dlp
from bossbot.spec import Spec

RUNNERS: dict[str, Runner] = {"yt-dlp": yt_dlp, "gallery-dl": gallery_dl}


def cookies_for(cookies_dir: Path | None, site: str) -> Path | None:
    """The Netscape cookies file of a site group, ``<cookies_dir>/<site>.txt``, if present."""
    if cookies_dir is None:
        return None
    path = cookies_dir / f"{site}.txt"
    return path if path.is_file() else None


def fetch_media(
    url: str,
    dest: Path,
    *,
    spec: Spec,
    cap: int,
    report: Report,
    proxy: str | None,
    cookies_dir: Path | None = None,
    rate_limit: int = 0,
) -> list[Path]:
    """Fetch the media at ``url`` into ``dest`` (the job's own folder).

    Follows redirects, picks the site group's downloader and falls back to the other one
    for direct media links it calls unsupported. ``dest`` is emptied on failure.

    Args:
        url: The text the user sent.
        dest: The job's temp folder (created if missing).
        spec: The loaded spec (its site groups route the URL).
        cap: Byte cap per file, enforced while streaming.
        report: Where progress and finished files are reported.
        proxy: The egress guard URL every request goes through.
        cookies_dir: Folder of ``<site>.txt`` cookies files, or None.
        rate_limit: Bytes per second, 0 for unlimited.

    Returns:
        The files written, in order, with safe names; validate them before uploading.

    Raises:
        bossbot.errors.BossError: InvalidUrl, Unsupported, TooLarge, NotFound,
            NetworkError... (see ``transient`` to decide on a retry).
    """
    dest.mkdir(parents=True, exist_ok=True)
    final = resolve(check_url(url), proxy=proxy)
    site, group = route(final, spec)
    cookies = cookies_for(cookies_dir, site)
    request = FetchRequest(final, dest, cap, site, rate_limit, cookies, proxy)
    order = [group.downloader, *(name for name in RUNNERS if name != group.downloader)]
    try:
        try:
            return RUNNERS[order[0]](request, report)
        except Unsupported:
            if url_extension(final) not in media_extensions(spec):
                raise
            logger.bind(site=site).info("{} does not support it; trying {}", order[0], order[1])
            clear(dest)
        return RUNNERS[order[1]](request, report)
    except BaseException:
        clear(dest)
        raise
