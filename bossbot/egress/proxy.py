"""The guard's server: authenticate, resolve once, check every address, dial what was checked."""

from __future__ import annotations

import asyncio
import contextlib

from loguru import logger

from bossbot.egress.addresses import AddressPolicy, IPAddress
from bossbot.egress.budget import Token
from bossbot.egress.hosts import normalize_host
from bossbot.egress.http import BadRequest, Head, answer, connect_target, origin_form, read_head
from bossbot.egress.ledger import Ledger
from bossbot.egress.relay import Link, relay
from bossbot.egress.resolve import Resolver
from bossbot.egress.upstream import tunnel

CONNECT_TIMEOUT = 10.0
AUTH = 'Proxy-Authenticate: Basic realm="boss-bot"\r\n'


class Refused(Exception):
    """The guard answers with ``status`` and ``reason`` instead of connecting."""

    def __init__(self, status: int, reason: str, text: str) -> None:
        super().__init__(text)
        self.status, self.reason = status, reason


class Guard:
    """A forward proxy for worker processes: HTTP CONNECT and absolute-form plain HTTP."""

    def __init__(
        self, ledger: Ledger, policy: AddressPolicy, resolver: Resolver, upstream: str = ""
    ) -> None:
        """``upstream``: a corporate proxy to reach sites through (empty: direct)."""
        self.ledger, self.policy, self.resolver = ledger, policy, resolver
        self.upstream = upstream

    async def _addresses(self, token: Token, host: str, port: int) -> list[IPAddress]:
        """Resolve once; every address must be allowed, or the connection is refused."""
        try:
            name = normalize_host(host)
        except ValueError as exc:
            raise Refused(400, "Bad Request", str(exc)) from None
        try:
            found = await self.resolver(name, port)
        except (OSError, TimeoutError) as exc:
            raise Refused(502, "Bad Gateway", f"cannot resolve {name}: {exc}") from None
        denied = next((ip for ip in found if not self.policy.allows(ip)), None)
        if denied is not None or not found:
            detail = f"{name} resolves to {denied}"
            self.ledger.on_violation(token, "private", detail)
            raise Refused(403, "Forbidden", f"{detail}, which is not a public address")
        return found

    async def _dial(
        self, addresses: list[IPAddress], port: int
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """Connect to the first checked address that answers (never a fresh lookup)."""
        error: Exception = OSError("no address")
        for ip in addresses:
            try:
                async with asyncio.timeout(CONNECT_TIMEOUT):
                    if self.upstream:
                        return await tunnel(self.upstream, ip, port)
                    return await asyncio.open_connection(str(ip), port)
            except (OSError, TimeoutError) as exc:
                error = exc
        raise Refused(502, "Bad Gateway", f"cannot connect: {error}")

    async def _open(self, head: Head, token: Token) -> tuple[str, int, bytes | None]:
        """Target host, port and (plain HTTP) the request to send upstream."""
        if token.broken or not self.ledger.count_request(token):
            raise Refused(403, "Forbidden", f"job budget used up ({token.broken})")
        if head.method == "CONNECT":
            return *connect_target(head), None
        if head.header("transfer-encoding"):
            raise Refused(411, "Length Required", "chunked request bodies are not relayed")
        return origin_form(head)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Serve one worker connection."""
        try:
            head = await read_head(reader)
            token = self.ledger.authenticate(head.header("proxy-authorization"))
            if token is None:
                raise Refused(407, "Proxy Authentication Required", "unknown credential")
            host, port, request = await self._open(head, token)
            addresses = await self._addresses(token, host, port)
            up_reader, up_writer = await self._dial(addresses, port)
            link = Link(token, writer, up_writer)
            if request is None:
                writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            else:
                size = int(head.header("content-length") or 0)
                up_writer.write(request + (await reader.readexactly(size) if size else b""))
                link.asked()
            await relay(link, self.ledger, reader, up_reader, tunnel=request is None)
        except Refused as refusal:
            logger.debug("guard refused a request: {}", refusal)
            extra = AUTH if refusal.status == 407 else ""
            writer.write(answer(refusal.status, refusal.reason, str(refusal), extra))
        except (BadRequest, ValueError) as exc:
            writer.write(answer(400, "Bad Request", str(exc)))
        except (OSError, asyncio.IncompleteReadError):
            pass
        except asyncio.CancelledError:  # the guard stops: end quietly (3.11 would log it)
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()
