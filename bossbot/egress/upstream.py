"""Behind a corporate proxy: the guard reaches sites through it, still dialling what it checked.

The guard resolves and checks the name as always, then asks the upstream proxy for a
tunnel to the checked address (``CONNECT 203.0.113.7:443``), never to the name, so the
upstream cannot be steered to another address than the one the guard allowed.
"""

from __future__ import annotations

import asyncio
import base64
from urllib.parse import unquote, urlsplit

from bossbot.egress.addresses import IPAddress

Streams = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class UpstreamRefused(OSError):
    """The upstream proxy did not open the tunnel."""


def parse_upstream(url: str) -> tuple[str, int, str | None]:
    """Host, port and ``Proxy-Authorization`` value of ``http://[user:pass@]host:port``.

    Raises:
        ValueError: Not an http:// URL with a host and a port.
    """
    parts = urlsplit(url.strip())
    if parts.scheme != "http" or not parts.hostname or not parts.port:
        raise ValueError("expected http://[user:password@]host:port, e.g. http://proxy:3128")
    auth = None
    if parts.username is not None:
        secret = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        auth = "Basic " + base64.b64encode(secret).decode()
    return parts.hostname, parts.port, auth


async def tunnel(upstream: str, ip: IPAddress, port: int) -> Streams:
    """A connection to ``ip:port`` through the upstream proxy.

    Raises:
        UpstreamRefused: The proxy answered anything but 2xx.
        OSError: The proxy cannot be reached.
    """
    host, proxy_port, auth = parse_upstream(upstream)
    reader, writer = await asyncio.open_connection(host, proxy_port)
    target = f"[{ip}]:{port}" if ip.version == 6 else f"{ip}:{port}"
    lines = [f"CONNECT {target} HTTP/1.1", f"Host: {target}"]
    if auth:
        lines.append(f"Proxy-Authorization: {auth}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = head.split(b" ", 2)[1:2]
    if not status or not status[0].startswith(b"2"):
        writer.close()
        raise UpstreamRefused(f"upstream proxy refused {target}: {head[:80]!r}")
    return reader, writer
