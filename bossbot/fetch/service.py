"""One call from a URL to files on disk, inside a worker: redirects, routing, the downloader."""

from __future__ import annotations

from pathlib import Path

from loguru import logger

from bossbot.egress.hosts import display_host
from bossbot.errors import BossError, Unsupported
from bossbot.fetch.base import Choice, FetchRequest, Report, Runner
from bossbot.fetch.choice import tools_for
from bossbot.fetch.files import clear
from bossbot.fetch.gallery import download as gallery_dl
from bossbot.fetch.redirects import resolve
from bossbot.fetch.router import route
from bossbot.fetch.urls import check_url, host_and_port
from bossbot.fetch.ytdlp import download as yt_dlp
from bossbot.spec import SiteGroup, Spec

RUNNERS: dict[str, Runner] = {"yt-dlp": yt_dlp, "gallery-dl": gallery_dl}
LOGIN_WALLS = frozenset({"login_required", "age_restricted"})
NEXT_TOOL = frozenset({"unsupported", "no_media", *LOGIN_WALLS})
"""Failures another tool may get past: it may know the site, or reach it another way."""
TELLING = ("login_required", "age_restricted", "no_media", "unsupported")
"""When every tool failed, the first of these kinds is what the member is told."""


def cookies_for(cookies_dir: Path | None, site: str) -> Path | None:
    """The Netscape cookies file of a site group, ``<cookies_dir>/<site>.txt``, if present."""
    if cookies_dir is None:
        return None
    path = cookies_dir / f"{site}.txt"
    return path if path.is_file() else None


def _hint_cookies(site: str, cookies_dir: Path | None, sent: Path | None) -> None:
    """Tell the admin, in the log, which cookies file would get past a login wall."""
    if sent is not None:
        logger.warning("{} refused the cookies in {}: renew them", site, sent)
    elif cookies_dir is None:
        logger.warning("{} needs a login: set BOSSBOT_COOKIES_DIR, put {}.txt in it", site, site)
    else:
        logger.warning("{} needs a login: put cookies in {}", site, cookies_dir / f"{site}.txt")


def _named(group: SiteGroup, url: str) -> str:
    """How members know the site: the group's name, or the host for catch-all groups."""
    if group.hosts and "*" not in group.hosts:
        return group.description
    return display_host(host_and_port(url)[0])


def _told(failures: list[BossError]) -> BossError:
    """The failure that best says why no tool could read the link."""
    return min(failures, key=lambda f: TELLING.index(f.kind) if f.kind in TELLING else -1)


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
    choice: Choice | None = None,
) -> list[Path]:
    """Fetch the media at ``url`` into ``dest`` (the job's own folder).

    Follows redirects (short links), routes the final URL to its site group, then tries
    the tools that can read it, best first; a tool that does not know the link, finds no
    media or meets a login wall hands over to the next. ``dest`` is emptied on failure.

    Returns:
        The files written, in order, with safe names; validate them before uploading.

    Raises:
        bossbot.errors.BossError: The best reason any tool gave; ``transient`` says
            whether a retry may help. Login walls carry the site's name and whether
            cookies were sent, for the member's message.
    """
    dest.mkdir(parents=True, exist_ok=True)
    final = resolve(check_url(url), proxy=proxy)
    site, group = route(final, spec)
    cookies = cookies_for(cookies_dir, site)
    request = FetchRequest(final, dest, cap, site, rate_limit, cookies, proxy, choice)
    failures: list[BossError] = [Unsupported(f"no tool reads {final}")]
    for tool in tools_for(final, group.downloaders):
        try:
            files = RUNNERS[tool](request, report)
        except BossError as failure:
            clear(dest)
            failure.data.setdefault("site", _named(group, final))
            failure.data.setdefault("cookies", cookies is not None)
            failures.append(failure)
            logger.bind(site=site).info("{} could not: {} ({})", tool, failure.kind, failure)
            if failure.kind in LOGIN_WALLS:
                _hint_cookies(site, cookies_dir, cookies)
            if failure.kind not in NEXT_TOOL:
                raise failure from None
            continue
        report.chose(tool)
        return files
    raise _told(failures)
