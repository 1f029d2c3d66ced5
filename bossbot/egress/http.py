"""Just enough HTTP/1.1 for a forward proxy: read a request head, answer, rewrite a request."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_HEAD = 16 * 1024
HEAD_TIMEOUT = 10.0
# Headers that belong to one hop (RFC 9110 7.6.1) or to us, never forwarded upstream.
HOP_BY_HOP = frozenset(
    {
        "connection", "keep-alive", "proxy-authorization", "proxy-authenticate",
        "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
    }
)  # fmt: skip


class BadRequest(ValueError):
    """A request the guard will not handle; the text is the reason."""


@dataclass(frozen=True, slots=True)
class Head:
    """A request line and its headers."""

    method: str
    target: str
    version: str
    headers: tuple[tuple[str, str], ...]

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


async def read_head(reader: asyncio.StreamReader) -> Head:
    """Read and parse one request head.

    Raises:
        BadRequest: Malformed, larger than :data:`MAX_HEAD`, or not sent in time.
    """
    try:
        async with asyncio.timeout(HEAD_TIMEOUT):
            raw = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.LimitOverrunError, asyncio.IncompleteReadError, TimeoutError) as exc:
        raise BadRequest(f"no complete request head ({type(exc).__name__})") from None
    lines = raw.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise BadRequest("malformed request line")
    headers = []
    for line in filter(None, lines[1:]):
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or key != key.strip():
            raise BadRequest("malformed header line")
        headers.append((key, value.strip()))
    return Head(parts[0].upper(), parts[1], parts[2], tuple(headers))


def answer(status: int, reason: str, text: str = "", extra: str = "") -> bytes:
    """A complete response with a short plain-text body, closing the connection."""
    body = (text + "\n").encode() if text else b""
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n{extra}\r\n"
    )
    return head.encode("latin-1") + body


def origin_form(head: Head) -> tuple[str, int, bytes]:
    """Host, port and the upstream request head for an absolute-form ``http://`` request.

    Raises:
        BadRequest: Not an absolute ``http://`` URL with a host.
    """
    parts = urlsplit(head.target)
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise BadRequest("plain requests must name an http:// URL (use CONNECT for https)")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    kept = [(k, v) for k, v in head.headers if k.lower() not in HOP_BY_HOP]
    if not any(k.lower() == "host" for k, _ in kept):
        kept.append(("Host", parts.netloc.rpartition("@")[2]))
    lines = [f"{head.method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in kept)]
    lines.append("Connection: close")
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return parts.hostname, parts.port or 80, raw


def connect_target(head: Head) -> tuple[str, int]:
    """Host and port of a ``CONNECT host:port`` request.

    Raises:
        BadRequest: No port, or a port out of range.
    """
    host, sep, port = head.target.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536 or not host:
        raise BadRequest("CONNECT needs host:port")
    return host.strip("[]"), int(port)
