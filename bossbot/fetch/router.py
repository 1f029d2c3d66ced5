"""Which site group, and so which downloader, handles a URL."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from bossbot.errors import Unsupported
from bossbot.fetch.urls import host_and_port
from bossbot.spec import SiteGroup, Spec


def _host_matches(host: str, suffix: str) -> bool:
    """``x.com`` matches ``x.com`` and ``www.x.com``, never ``notx.com``."""
    suffix = suffix.lower().strip(".")
    return host == suffix or host.endswith("." + suffix)


def url_extension(url: str) -> str:
    """Lower-case extension of the URL's path, without the dot ('' when none)."""
    return PurePosixPath(unquote(urlsplit(url).path)).suffix.lower().lstrip(".")


def route(url: str, spec: Spec) -> tuple[str, SiteGroup]:
    """Return ``(site name, group)`` for ``url``.

    The most specific host suffix wins; then a group listing the path's file extension;
    then the group whose hosts contain ``*``.

    Raises:
        Unsupported: When no group matches.
    """
    host, _ = host_and_port(url)
    best: tuple[int, str, SiteGroup] | None = None
    for name, group in spec.sites.items():
        for suffix in group.hosts:
            longer = best is None or len(suffix) > best[0]
            if suffix != "*" and longer and _host_matches(host, suffix):
                best = (len(suffix), name, group)
    if best is not None:
        return best[1], best[2]
    extension = url_extension(url)
    for name, group in spec.sites.items():
        if extension and extension in (e.lower().lstrip(".") for e in group.extensions):
            return name, group
    for name, group in spec.sites.items():
        if "*" in group.hosts:
            return name, group
    raise Unsupported(f"no site group for {host}")


def media_extensions(spec: Spec) -> frozenset[str]:
    """Every file extension some site group declares (direct media links)."""
    return frozenset(e.lower().lstrip(".") for g in spec.sites.values() for e in g.extensions)
