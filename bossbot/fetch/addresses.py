"""Which IP addresses a URL may reach: public ones only, unless private ones are allowed."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from bossbot.errors import NetworkError, PrivateAddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

DNS_TIMEOUT = 5.0
METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _unwrap(ip: IPAddress) -> IPAddress:
    """The IPv4 address hidden in IPv4-mapped, 6to4 or NAT64 IPv6 forms, else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped or ip.sixtofour:
            return ip.ipv4_mapped or ip.sixtofour  # type: ignore[return-value]
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def is_public(ip: IPAddress) -> bool:
    """True for a global unicast address that is no cloud metadata endpoint."""
    for candidate in {ip, _unwrap(ip)}:
        if candidate in METADATA or candidate.is_multicast or not candidate.is_global:
            return False
    return True


async def lookup(host: str, port: int) -> list[IPAddress]:
    """Resolve ``host`` the way the downloaders will (numeric forms such as ``0x7f.1`` too).

    Raises:
        NetworkError: When the name does not resolve in time.
    """
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(DNS_TIMEOUT):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, TimeoutError) as exc:
        raise NetworkError(f"cannot resolve {host}: {exc}") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


async def check_host(host: str, port: int, *, allow_private: bool) -> None:
    """Refuse a host any of whose addresses is not public.

    Raises:
        PrivateAddress: When an address is loopback, private, link-local, multicast,
            reserved, unspecified or a metadata endpoint, and private ones are not allowed.
        NetworkError: When the name does not resolve.
    """
    if allow_private:
        return
    for ip in await lookup(host, port):
        if not is_public(ip):
            raise PrivateAddress(f"{host} resolves to {ip}")
