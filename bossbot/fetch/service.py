"""One call from a URL to files on disk: policy, redirects, routing, the right downloader."""

from __future__ import annotations

from pathlib import Path

from loguru import logger

from bossbot.errors import Unsupported
from bossbot.fetch.base import Fetcher, FetchRequest, ProgressCallback
from bossbot.fetch.files import clear
from bossbot.fetch.gallery import GalleryDlFetcher
from bossbot.fetch.redirects import resolve
from bossbot.fetch.router import media_extensions, route, url_extension
from bossbot.fetch.urls import check_url
from bossbot.fetch.ytdlp import YtDlpFetcher
from bossbot.spec import Spec

FETCHERS: dict[str, Fetcher] = {"yt-dlp": YtDlpFetcher(), "gallery-dl": GalleryDlFetcher()}


def cookies_for(cookies_dir: Path | None, site: str) -> Path | None:
    """The Netscape cookies file of a site group, ``<cookies_dir>/<site>.txt``, if present."""
    if cookies_dir is None:
        return None
    path = cookies_dir / f"{site}.txt"
    return path if path.is_file() else None


async def fetch_media(
    url: str,
    dest: Path,
    *,
    spec: Spec,
    allow_private: bool,
    cap: int,
    on_progress: ProgressCallback,
    cookies_dir: Path | None = None,
    rate_limit: int = 0,
) -> list[Path]:
    """Fetch the media at ``url`` into ``dest`` (the job's own folder).

    Checks the URL, follows redirects under the URL policy, picks the site group's
    downloader and falls back to the other one for direct media links it calls
    unsupported. Cancel by cancelling the awaiting task; ``dest`` is emptied on failure.

    Args:
        url: The text the user sent.
        dest: The job's temp folder (created if missing).
        spec: The loaded spec (its site groups route the URL).
        allow_private: Allow loopback and private addresses.
        cap: Byte cap per file, enforced while streaming.
        on_progress: Called in the event loop thread with Progress snapshots.
        cookies_dir: Folder of ``<site>.txt`` cookies files, or None.
        rate_limit: Bytes per second, 0 for unlimited.

    Returns:
        The files written, in order, with safe names; validate them with
        :func:`bossbot.media.validate` before uploading.

    Raises:
        bossbot.errors.BossError: InvalidUrl, PrivateAddress, Unsupported, TooLarge,
            NotFound, NetworkError... (see ``transient`` to decide on a retry).
    """
    final = await resolve(check_url(url), allow_private=allow_private)
    site, group = route(final, spec)
    request = FetchRequest(final, dest, cap, site, rate_limit, cookies_for(cookies_dir, site))
    order = [group.downloader, *(name for name in FETCHERS if name != group.downloader)]
    log = logger.bind(site=site, url=final)
    try:
        return await FETCHERS[order[0]].fetch(request, on_progress)
    except Unsupported:
        if url_extension(final) not in media_extensions(spec):
            raise
        log.info("{} does not support it; trying {}", order[0], order[1])
    clear(dest)
    return await FETCHERS[order[1]].fetch(request, on_progress)
