"""The guard process: its server, and the control lines it exchanges with the bot.

The bot writes one JSON object per line on the guard's stdin (``open``, ``grow``,
``close``); the guard answers on stdout (``ready``, ``opened``, ``closed``) and reports
every ``violation`` as it happens. The guard stops when its stdin closes (the bot died).
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.budget import Budget, Token
from bossbot.egress.ledger import Ledger
from bossbot.egress.proxy import Guard
from bossbot.egress.resolve import Resolver, system_resolver


def send(message: dict[str, Any]) -> None:
    """Write one control line to the bot."""
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def on_violation(token: Token, kind: str, detail: str) -> None:
    """Tell the bot at once: it stops the job's worker."""
    send({"violation": token.name, "kind": kind, "detail": detail})


def apply(ledger: Ledger, line: str) -> dict[str, Any] | None:
    """Carry out one control line; the answer to send back, if any."""
    message = json.loads(line)
    name = str(message["name"])
    if message["op"] == "open":
        token = ledger.open(name, Budget(**message["budget"]))
        return {"opened": name, "secret": token.secret}
    if message["op"] == "grow":
        if token := ledger.tokens.get(name):
            token.extra += int(message["bytes"])
        return None
    closed = ledger.close(name)
    stats = {"read": closed.read, "requests": closed.requests} if closed else {}
    return {"closed": name, **stats}


async def _ticks(ledger: Ledger) -> None:
    """Close a second of every rate window, once a second."""
    while True:
        await asyncio.sleep(1.0)
        ledger.tick()


async def serve(
    policy: AddressPolicy, resolver: Resolver = system_resolver, upstream: str = ""
) -> None:
    """Listen on a free loopback port, announce it, obey control lines until stdin ends."""
    ledger = Ledger(on_violation)
    guard = Guard(ledger, policy, resolver, upstream)
    server = await asyncio.start_server(guard.handle, "127.0.0.1", 0, limit=64 * 1024)
    send({"ready": server.sockets[0].getsockname()[1]})
    loop = asyncio.get_running_loop()
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    ticks = asyncio.ensure_future(_ticks(ledger))
    try:
        while line := await stdin.readline():
            answer = apply(ledger, line.decode())
            if answer is not None:
                send(answer)
    finally:
        ticks.cancel()
        server.close()
