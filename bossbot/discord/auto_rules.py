"""What auto-detection takes from a message, and whose rules it follows."""

from __future__ import annotations

from bossbot.discord.roles import may_use
from bossbot.errors import BossError
from bossbot.fetch.router import route
from bossbot.fetch.urls import check_url
from bossbot.links import Link, find_links
from bossbot.spec import Command, Spec

_HOSTS: dict[int, tuple[Spec, tuple[str, ...]]] = {}


def bare_hosts(spec: Spec) -> tuple[str, ...]:
    """The hosts whose links may come without a scheme, case-folded (worked out once)."""
    kept = _HOSTS.get(id(spec))
    if kept is None or kept[0] is not spec:
        kept = _HOSTS[id(spec)] = (spec, tuple(host.casefold() for host in spec.named_hosts))
    return kept[1]


def covered(spec: Spec, content: str, sites: tuple[str, ...]) -> list[Link]:
    """The links of ``content`` in the site groups ``sites``, up to ``[auto] max_links``.

    Chat without ``://`` nor a host a bare link may name holds no link: it is left after
    a few substring checks, before the link scan (the cost of a busy channel).
    """
    folded = content.casefold()
    if "://" not in folded and not any(host in folded for host in bare_hosts(spec)):
        return []
    taken: list[Link] = []
    for link in find_links(content, spec.named_hosts).links:
        try:
            site, _ = route(check_url(link.url), spec)
        except BossError:
            continue
        if site in sites and len(taken) < spec.auto.max_links:
            taken.append(link)
    return taken


def download_command(spec: Spec, roles: frozenset[str]) -> Command | None:
    """The download command whose rules auto-detection follows: any site, usable by them."""
    usable = [c for c in spec.commands.values() if c.action == "download" and may_use(c, roles)]
    usable.sort(key=lambda command: bool(command.sites))
    return usable[0].model_copy(update={"sites": []}) if usable else None
