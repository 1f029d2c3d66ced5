"""Host names as every tool will send them: one ASCII form, checked label by label.

Non-ASCII names are encoded with IDNA 2008 / UTS-46 (the ``idna`` package, as httpx and
requests do), so the check and the download look up the same name; Python's built-in
codec is IDNA 2003 and turns ``straße`` into ``strasse`` instead of ``xn--strae-oqa``.
"""

from __future__ import annotations

import ipaddress
import re
import socket

import idna

from bossbot.egress.addresses import IPAddress

MAX_NAME = 253
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_NUMERIC = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")


def ip_literal(host: str) -> IPAddress | None:
    """The address a host written as a number stands for, else None.

    Covers ``[::1]``, dotted quads and the short and hexadecimal forms that resolvers
    accept (``127.1``, ``0x7f.1``, ``2130706433``).
    """
    text = host.strip("[]").split("%")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if _NUMERIC.match(text.lower()):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def normalize_host(host: str) -> str:
    """The host as the guard and the downloaders will use it: lower-case ASCII, or an IP.

    Raises:
        ValueError: An empty or over-long label, a character no host name may hold, or
            a name IDNA 2008 refuses; the text says which.
    """
    name = host.strip().rstrip(".")
    literal = ip_literal(name)
    if literal is not None:
        return str(literal)
    if not name:
        raise ValueError("empty host name")
    if not name.isascii():
        try:
            name = idna.encode(name, uts46=True, transitional=False).decode("ascii")
        except idna.IDNAError as exc:
            raise ValueError(f"not a valid international host name ({exc})") from None
    name = name.lower()
    if len(name) > MAX_NAME:
        raise ValueError(f"host name longer than {MAX_NAME} characters")
    for label in name.split("."):
        if not _LABEL.match(label):
            raise ValueError(f"host label {label[:70]!r} is empty, too long or malformed")
    return name


def display_host(host: str) -> str:
    """The host for messages: the Unicode form of an ``xn--`` name when it decodes."""
    try:
        return idna.decode(host)
    except (idna.IDNAError, UnicodeError):
        return host
