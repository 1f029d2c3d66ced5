"""The addresses settings name: ``host:port`` of the metrics endpoint, the database's URL."""

from __future__ import annotations

from urllib.parse import urlsplit


def split_addr(addr: str) -> tuple[str, int]:
    """Split ``host:port`` (``[::1]:9100`` for IPv6); ValueError when it is not one."""
    host, sep, port = addr.strip().rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or int(port) > 65535:
        raise ValueError(f"expected host:port such as 127.0.0.1:9100, got {addr.strip()!r}")
    return host, int(port)


def postgres_url(url: str) -> bool:
    """True when ``url`` is a well-formed ``postgresql://`` (or ``postgres://``) URL."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("postgresql", "postgres") and bool(parts.hostname or parts.path)
