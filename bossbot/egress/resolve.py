"""Resolving a name once: the addresses the guard checks are the ones it dials."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable

from bossbot.egress.addresses import IPAddress
from bossbot.egress.hosts import ip_literal

Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]
"""``(host, port) -> addresses``; tests pass their own (a name that rebinds, say)."""
DNS_TIMEOUT = 5.0


async def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for ``host`` (an IP literal is itself)."""
    literal = ip_literal(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(DNS_TIMEOUT):
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ip_literal(str(info[4][0])) for info in infos]  # type: ignore[misc]
