"""One name per post: the canonical form of a link, worked out without any network.

Data, not code, decides: ``HOSTS`` maps the hosts of one site (mirrors, embed fixers,
mobile and old front ends) to one host; ``PATHS`` rewrites a site's paths that name the
same post to one path (the post's id in it); ``TRACKING`` names the query parameters that
only say who shared the link, dropped on every site (``utm_*`` too) or on one. Scheme and
host are lower case, ``www.`` and a default port go, the fragment goes, the query keeps the
other parameters (sorted). A site named in the tables is always ``https``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# fmt: off
_TWEET_FRONTS = ("twitter.com", "mobile.twitter.com", "m.twitter.com", "mobile.x.com",
                 "fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com", "twittpr.com",
                 "d.fxtwitter.com", "nitter.net")
HOSTS: dict[str, str] = {
    **dict.fromkeys(_TWEET_FRONTS, "x.com"),
    **dict.fromkeys(("old.reddit.com", "new.reddit.com", "np.reddit.com", "m.reddit.com",
                     "rxddit.com", "old.rxddit.com"), "reddit.com"),
    **dict.fromkeys(("m.youtube.com", "youtube-nocookie.com"), "youtube.com"),
    **dict.fromkeys(("instagr.am", "ddinstagram.com", "m.instagram.com"), "instagram.com"),
    "m.tiktok.com": "tiktok.com",
}
"""Host (after ``www.`` is dropped) -> the site's own host."""

_YT_ID = r"(?P<id>[\w-]{11})"
PATHS: dict[str, list[tuple[str, str]]] = {
    "x.com": [(r"/(?:i/web|i|[\w]{1,15})/status(?:es)?/(?P<id>\d+)(?:/.*)?", "/i/status/{id}")],
    "reddit.com": [(r"/r/\w+/comments/(?P<id>\w+)(?:/.*)?", "/comments/{id}"),
                   (r"/comments/(?P<id>\w+)(?:/.*)?", "/comments/{id}")],
    "redd.it": [(r"/(?P<id>\w+)/?", "https://reddit.com/comments/{id}")],
    "youtube.com": [(rf"/(?:shorts|embed|live|v)/{_YT_ID}/?", "/watch?v={id}")],
    "youtu.be": [(rf"/{_YT_ID}/?", "https://youtube.com/watch?v={id}")],
    "instagram.com": [(r"(?:/[\w.]+)?/(?:p|reels?|tv)/(?P<id>[\w-]+)/?", "/p/{id}")],
    "tiktok.com": [(r"/@[\w.-]+/(?:video|photo)/(?P<id>\d+)/?", "/video/{id}")],
}
"""Host -> (path pattern, what it becomes; ``/…`` keeps the host): the first match wins."""

TRACKING: dict[str, frozenset[str]] = {
    "*": frozenset({"fbclid", "gclid", "dclid", "msclkid", "igsh", "igshid", "mc_cid",
                    "mc_eid", "si", "ref", "ref_src", "ref_url", "_ga", "yclid"}),
    "x.com": frozenset({"s", "t", "src", "cxt"}),
    "youtube.com": frozenset({"feature", "pp", "t", "ab_channel", "embeds_referring_euri"}),
    "reddit.com": frozenset({"share_id", "context", "ref_source", "rdt", "sh", "st"}),
    "instagram.com": frozenset({"img_index", "hl"}),
    "tiktok.com": frozenset({"is_from_webapp", "sender_device", "web_id", "_r", "_t", "lang"}),
}
"""Query parameters dropped: on every site (``"*"``, and any ``utm_*``), or on one."""

# fmt: on
SITE_IDS = {"x.com": "twitter", "reddit.com": "reddit", "youtube.com": "youtube"}
"""Host -> the extractor both tools name its posts by (lower case): ``twitter:<id>``."""

_DEFAULT_PORTS = {"http": 80, "https": 443}
_KNOWN = set(HOSTS.values()) | set(PATHS) | {h for h in TRACKING if h != "*"}


def site_host(host: str) -> str:
    """The one host of a site: ``www.`` dropped, aliases resolved (``twitter.com`` -> ``x.com``)."""
    host = host.lower().rstrip(".").removeprefix("www.")
    return HOSTS.get(host, host)


def _path(host: str, path: str) -> tuple[str, str, str | None]:
    """``(host, path, query or None)`` after the site's path rules."""
    for pattern, target in PATHS.get(host, []):
        if match := re.fullmatch(pattern, path):
            made = target.format(**match.groupdict())
            if not made.startswith("/"):
                parts = urlsplit(made)
                return parts.hostname or host, parts.path, parts.query
            path, _, query = made.partition("?")
            return host, path, query or None
    return host, path, None


def _tracking(host: str, name: str) -> bool:
    """Whether query parameter ``name`` only tracks who shared the link."""
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING["*"] | TRACKING.get(host, set())


def canonical(url: str) -> str:
    """The canonical form of ``url``; a URL it cannot parse comes back as is.

    Any form of one tweet becomes ``https://x.com/i/status/123`` (see the module).
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url
    host, path, query = _path(site_host(parts.hostname or ""), parts.path or "/")
    known = host in _KNOWN
    made = parse_qsl(query or "", keep_blank_values=True)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _tracking(host, k) and k not in dict(made)]  # fmt: skip
    query = urlencode(sorted(made + kept))
    scheme = "https" if known else parts.scheme.lower()
    keep_port = port is not None and port != _DEFAULT_PORTS.get(scheme) and not known
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if keep_port else "")
    if known and len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit((scheme, netloc, path, query, ""))


def post_key(url: str) -> str | None:
    """``extractor:id`` of the post a link names (``twitter:123``), when the tables know it."""
    parts = urlsplit(canonical(url))
    site = SITE_IDS.get(parts.hostname or "")
    for pattern, _ in PATHS.get(parts.hostname or "", []) if site else []:
        if match := re.fullmatch(pattern, parts.path):
            return f"{site}:{match['id']}"
    video = dict(parse_qsl(parts.query)).get("v") if parts.path == "/watch" else None
    return f"youtube:{video}" if site == "youtube" and video else None
