"""Links as people paste them: the URLs in a message's text (nothing of Discord here).

Taken: ``https://…`` in any case, ``<url>``, ``(url)``, quoted or in backticks, markdown
links ``[text](url)`` / ``[text](<url>)`` (the target), ``||url||`` (``spoiler``), several
URLs with or without separators, bare ``host/path`` links of the hosts given or ``www.``.
Punctuation that cannot end a URL is dropped (``)`` only when unbalanced: ``…/Foo_(bar)``
stays whole); scheme and host come back in lower case. Words that only look like links
(``ftp://…``, ``example.org/clip``) are returned apart, as ``skipped``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

_CHARS = r"[^\s<>\"`|\[\]{}\\]"
_MARKDOWN = re.compile(r"\[[^\]\n]*\]\(\s*(?:<([^<>\s]+)>|((?:[^\s()<>]|\([^\s()<>]*\))+))"
                       r"(?:\s+\"[^\"\n]*\")?\s*\)")  # fmt: skip
_SPOILER = re.compile(r"\|\|(.+?)\|\|", re.S)
_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.S)
_SCHEME = re.compile(r"https?://", re.I)
_BEFORE_BARE = r"(?<![\w@.:/%=-])"
_TRAILING = ".,;:!?'\"*~…>”\u2019»。\uff0c、\uff01\uff1f」』"
_KEEP_BEFORE_SCHEME = "/=?&%:#"  # a URL inside a URL (archives, redirects) is not cut off


@dataclass(frozen=True, slots=True)
class Link:
    """One link found: the URL to fetch, and whether it was hidden as a spoiler."""

    url: str
    spoiler: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    """The links of a text, in order and without repeats, and the link-like words skipped."""

    links: tuple[Link, ...] = ()
    skipped: tuple[str, ...] = ()


@functools.cache
def _patterns(hosts: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Bare links (known hosts, ``www.``); anything link-like (``scheme://``, bare, other)."""
    names = sorted({h.lower().strip(".") for h in hosts if h and h != "*"}, key=len, reverse=True)
    known = "|".join([r"www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+", *map(re.escape, names)])
    bare = rf"{_BEFORE_BARE}(?:[a-z0-9-]+\.)*(?:{known})(?::\d+)?/{_CHARS}*"
    return re.compile(bare, re.I), re.compile(
        rf"(?P<scheme>\b[a-z][a-z0-9+.-]*://{_CHARS}+)|(?P<bare>{bare})"
        rf"|{_BEFORE_BARE}(?P<other>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{{2,}}/{_CHARS}*)",
        re.I,
    )


def _target_only(match: re.Match[str]) -> str:
    """A markdown link blanked out but for its target, which stays where it was."""
    start, end = match.span(1 if match.group(1) else 2)
    return " " * (start - match.start()) + match.string[start:end] + " " * (match.end() - end)


def _trim(url: str) -> str:
    """Drop what cannot end a URL; a ``)`` only when it closes nothing inside the URL."""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("("))):
        url = url[:-1]
    return url


def _pieces(candidate: str, bare: re.Pattern[str]) -> list[str]:
    """Cut ``url1,url2`` and ``url1url2`` apart; keep a URL that embeds another one."""
    cuts = {0}
    for match in _SCHEME.finditer(candidate, 1):
        if candidate[match.start() - 1] not in _KEEP_BEFORE_SCHEME:
            cuts.add(match.start())
    for match in re.finditer(r"[,;]", candidate):
        if bare.match(candidate, match.end()):
            cuts.add(match.end())
    ends = sorted(cuts)
    pieces = [_trim(candidate[a:b]) for a, b in zip(ends, [*ends[1:], len(candidate)], strict=True)]
    return [piece for piece in pieces if piece]


def _normal(url: str) -> str:
    """Scheme and host in lower case (phones capitalise ``Https://X.com``); path untouched."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url  # the URL checks downstream say what is wrong with it
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()))


def find_links(text: str, hosts: Iterable[str] = (), *, skip_code: bool = False) -> Found:
    """The links in ``text``; ``hosts`` are the sites whose links may come without a scheme.

    Args:
        text: A message as typed.
        hosts: Host names (``youtu.be``, ``x.com``) whose bare ``host/path`` is a link.
        skip_code: Ignore code spans and blocks (quoted code or logs, not requests).
    """
    if skip_code:
        text = _CODE.sub(lambda m: " " * len(m.group()), text)
    spoilers = [match.span() for match in _SPOILER.finditer(text)]
    bare, pattern = _patterns(tuple(hosts))
    links: dict[str, bool] = {}
    skipped: list[str] = []
    for match in pattern.finditer(_MARKDOWN.sub(_target_only, text)):
        if match.group("other"):
            skipped.append(_trim(match.group()))
            continue
        hidden = any(a <= match.start() < b for a, b in spoilers)
        for piece in _pieces(match.group(), bare):
            url = _normal(piece if "://" in piece else f"https://{piece}")
            if _SCHEME.match(url):
                links[url] = links.get(url, False) or hidden
            else:
                skipped.append(piece)
    return Found(tuple(Link(u, s) for u, s in links.items()), tuple(dict.fromkeys(skipped)))
