"""Defence in depth inside a worker: Python code may connect to the egress guard only.

Every tool is configured to use the guard; this hook makes a connection that would go
around it (a library ignoring the proxy setting, a name looked up directly) fail instead.
It holds for everything that uses Python's ``socket`` module; libcurl (curl-cffi) and
ffmpeg open sockets of their own and are held by their proxy settings instead.
"""

from __future__ import annotations

import errno
import socket
from typing import Any

REFUSED = "boss-bot: workers reach the network only through the egress guard"
_ORIGINAL: dict[str, Any] = {}


def _allowed(address: Any, guard: tuple[str, int] | None) -> bool:
    """True for a Unix socket path, or the guard's own address."""
    if isinstance(address, str | bytes):
        return True
    return guard is not None and tuple(address[:2]) == guard


def install(guard: tuple[str, int] | None) -> None:
    """Refuse every connection and name lookup except those reaching ``guard``.

    Args:
        guard: ``(host, port)`` of the egress guard, or None for a worker without network.
    """
    if not _ORIGINAL:
        _ORIGINAL.update(
            connect=socket.socket.connect,
            connect_ex=socket.socket.connect_ex,
            getaddrinfo=socket.getaddrinfo,
        )
    connect, connect_ex, getaddrinfo = (
        _ORIGINAL["connect"], _ORIGINAL["connect_ex"], _ORIGINAL["getaddrinfo"]
    )  # fmt: skip

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if not _allowed(address, guard):
            raise PermissionError(errno.EACCES, REFUSED)
        return connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        if not _allowed(address, guard):
            return errno.EACCES
        return connect_ex(self, address)

    def guarded_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if guard is None or host not in (guard[0], guard[0].encode()):
            raise socket.gaierror(socket.EAI_NONAME, REFUSED)
        return getaddrinfo(host, port, *args, **kwargs)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = guarded_getaddrinfo


def uninstall() -> None:
    """Put the original functions back (tests run the hook in their own process)."""
    if _ORIGINAL:
        socket.socket.connect = _ORIGINAL["connect"]  # type: ignore[method-assign]
        socket.socket.connect_ex = _ORIGINAL["connect_ex"]  # type: ignore[method-assign]
        socket.getaddrinfo = _ORIGINAL["getaddrinfo"]
