"""The first gate: only well-formed http(s) URLs without credentials get any further."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bossbot.errors import InvalidUrl

MAX_URL = 2048
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\\]")


def check_url(text: str) -> str:
    """Return ``text`` as a URL we may fetch, or raise.

    Accepted: ``http`` or ``https`` URLs with a host and no user name or password. Refused:
    anything starting with ``-`` (it could be read as a command line option), other
    schemes, spaces, control characters and backslashes.

    Raises:
        InvalidUrl: With the reason in its (log-only) detail.
    """
    url = text.strip()
    if not url or url.startswith("-"):
        raise InvalidUrl("empty, or starts with '-'")
    if len(url) > MAX_URL or _FORBIDDEN.search(url):
        raise InvalidUrl("too long, or holds spaces, control characters or backslashes")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidUrl(f"malformed: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidUrl(f"scheme {parts.scheme!r} is not http(s)")
    if "@" in parts.netloc or parts.username is not None:
        raise InvalidUrl("credentials in the URL")
    if not parts.hostname or port == 0:
        raise InvalidUrl("no host")
    return url


def host_and_port(url: str) -> tuple[str, int]:
    """The host name (lower case, no trailing dot) and port of a checked URL."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    return host, parts.port or (443 if parts.scheme.lower() == "https" else 80)
