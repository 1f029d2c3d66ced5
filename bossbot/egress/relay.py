"""Moving bytes between a worker and a site, counted against the job's budget."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

from bossbot.egress.budget import Token
from bossbot.egress.ledger import Ledger

CHUNK = 64 * 1024


@dataclass(slots=True, eq=False)
class Link:
    """One proxied connection: the worker's side, the site's side, and whether it waits."""

    token: Token
    client: asyncio.StreamWriter
    upstream: asyncio.StreamWriter
    waiting: bool = False

    def close(self) -> None:
        """Drop both sides at once (a broken budget, or the token closed)."""
        for writer in (self.client, self.upstream):
            with contextlib.suppress(Exception):
                writer.transport.abort()

    def asked(self) -> None:
        """The worker sent something: the site owes an answer."""
        if not self.waiting:
            self.waiting, self.token.waiting = True, self.token.waiting + 1

    def answered(self) -> None:
        """The site sent something."""
        if self.waiting:
            self.waiting, self.token.waiting = False, self.token.waiting - 1


async def _downstream(link: Link, ledger: Ledger, upstream: asyncio.StreamReader) -> None:
    """Site -> worker, each chunk paid for; the budget's end cuts the connection."""
    while chunk := await upstream.read(CHUNK):
        link.answered()
        allowed = ledger.take(link.token, len(chunk))
        if allowed:
            link.client.write(chunk[:allowed])
            await link.client.drain()
        if allowed < len(chunk):
            return


async def _upstream(link: Link, client: asyncio.StreamReader) -> None:
    """Worker -> site (a CONNECT tunnel's requests)."""
    while chunk := await client.read(CHUNK):
        link.asked()
        link.upstream.write(chunk)
        await link.upstream.drain()
    with contextlib.suppress(OSError):
        if link.upstream.can_write_eof():
            link.upstream.write_eof()


async def relay(
    link: Link,
    ledger: Ledger,
    client: asyncio.StreamReader,
    upstream: asyncio.StreamReader,
    *,
    tunnel: bool,
) -> None:
    """Move bytes until the site closes (or, for a tunnel, either side does)."""
    link.token.closers.add(link.close)
    tasks = [asyncio.ensure_future(_downstream(link, ledger, upstream))]
    if tunnel:
        tasks.append(asyncio.ensure_future(_upstream(link, client)))
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        if tunnel and not tasks[0].done():  # worker done sending: let the answer finish
            await asyncio.wait([tasks[0]])
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        link.answered()
        link.token.closers.discard(link.close)
        link.close()
