"""Which IP addresses a download may reach: public unicast only, plus what the operator allows.

The rules are written out instead of trusting ``ipaddress.is_global``, which calls several
IPv6 forms that embed a loopback address (``::7f00:1``, ``::ffff:0:127.0.0.1``) global.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _nets(*texts: str) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(text) for text in texts)


# IANA special-purpose IPv4 ranges (RFC 6890 and successors) that are never a public site.
DENIED_V4 = _nets(
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
)  # fmt: skip
GLOBAL_V6 = ipaddress.ip_network("2000::/3")
# Inside 2000::/3 but not a public host: IETF protocol assignments (Teredo, ORCHID,
# benchmarking), documentation ranges.
DENIED_V6 = _nets("2001::/23", "2001:db8::/32", "3fff::/20")
SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known prefix: the IPv4 inside decides
MAPPED = ipaddress.ip_network("::ffff:0:0/96")
# Cloud metadata endpoints: refused even when private addresses are allowed wholesale.
METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)


def embedded_v4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, NAT64 (well-known prefix) or 6to4 address carries."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip in MAPPED or ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in SIX_TO_FOUR:
        return ip.sixtofour
    return None


def is_public(ip: IPAddress) -> bool:
    """True for a public unicast address (an IPv6 form carrying IPv4 is judged by that IPv4)."""
    inner = embedded_v4(ip)
    if inner is not None:
        return is_public(inner)
    if isinstance(ip, ipaddress.IPv4Address):
        return not any(ip in net for net in DENIED_V4)
    return ip in GLOBAL_V6 and not any(ip in net for net in DENIED_V6)


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Public addresses, plus private ones the operator allows.

    Attributes:
        everything: ``BOSSBOT_ALLOW_PRIVATE_URLS=true``: any address except cloud metadata.
        networks: Networks allowed in addition to public addresses.
    """

    everything: bool = False
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, text: str) -> AddressPolicy:
        """Read ``false``, ``true`` or a comma list such as ``127.0.0.1/32,10.0.0.0/8``.

        Raises:
            ValueError: A list entry is not an address or network, with the entry named.
        """
        value = text.strip().lower()
        if value in ("", "false", "0", "no", "off"):
            return cls()
        if value in ("true", "1", "yes", "on"):
            return cls(everything=True)
        networks: list[IPNetwork] = []
        for entry in filter(None, (part.strip() for part in value.split(","))):
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                raise ValueError(
                    f"{entry!r} is not an address or network: use true, false or a comma list "
                    "such as 127.0.0.1/32,10.0.0.0/8"
                ) from None
        return cls(networks=tuple(networks))

    def allows(self, ip: IPAddress) -> bool:
        """True when a download may connect to ``ip``."""
        candidates = [ip, *filter(None, [embedded_v4(ip)])]
        if any(c in net for c in candidates for net in self.networks if c.version == net.version):
            return True
        if any(c in METADATA for c in candidates):
            return False
        return self.everything or is_public(ip)

    def describe(self) -> str:
        """The setting's value as written back (for logs and doctor)."""
        if self.everything:
            return "true"
        return ",".join(str(net) for net in self.networks) or "false"
