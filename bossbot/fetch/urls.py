"""The first gate: only well-formed http(s) URLs without credentials get any further."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit, urlunsplit

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.hosts import ip_literal, normalize_host
from bossbot.errors import InvalidUrl, PrivateAddress

MAX_URL = 2048
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\\]")


def check_url(text: str) -> str:
    """Return ``text`` as a URL we may fetch, scheme and host normalised, or raise.

    Accepted: ``http`` or ``https`` URLs with a host and no user name or password. Refused:
    anything starting with ``-`` (it could be read as a command line option), other
    schemes, spaces, control characters, backslashes and malformed host names. The
    scheme and host come back in lower case, an international host as its IDNA 2008
    ASCII form (the form every downloader and the egress guard then use).

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
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidUrl(f"scheme {parts.scheme!r} is not http(s)")
    if "@" in parts.netloc or parts.username is not None:
        raise InvalidUrl("credentials in the URL")
    if not parts.hostname or port == 0:
        raise InvalidUrl("no host")
    try:
        host = normalize_host(parts.hostname)
    except ValueError as exc:
        raise InvalidUrl(f"host: {exc}") from None
    netloc = f"[{host}]" if ":" in host else host
    netloc += f":{port}" if port is not None else ""
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))


def host_and_port(url: str) -> tuple[str, int]:
    """The host name (lower case, no trailing dot) and port of a checked URL."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    return host, parts.port or (443 if parts.scheme.lower() == "https" else 80)


LOCAL_NAMES = ("localhost", "localhost.localdomain")


def refuse_private_literal(url: str, policy: AddressPolicy) -> None:
    """Refuse at once a URL whose host is a non-public IP literal or a ``localhost`` name.

    This is only the instant answer to obvious cases; the egress guard checks the
    address of every connection a download makes, names included.

    Raises:
        PrivateAddress: The policy does not allow that address.
    """
    host, _ = host_and_port(url)
    literal = ip_literal(host)
    local = host in LOCAL_NAMES or host.endswith(".localhost")
    if local and not policy.allows(ipaddress.ip_address("127.0.0.1")):
        raise PrivateAddress(f"{host} is this machine")
    if literal is not None and not policy.allows(literal):
        raise PrivateAddress(f"{host} is not a public address")
