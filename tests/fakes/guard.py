"""The egress guard's server in the test's own event loop, with a resolver tests control."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest_asyncio

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.budget import Budget, Token
from bossbot.egress.ledger import Ledger
from bossbot.egress.proxy import Guard
from bossbot.egress.resolve import Resolver, system_resolver
from bossbot.fetch.base import Progress

ROOMY = Budget(bytes=10**9, requests=1000, min_rate=1, window=60)


class InProcessGuard:
    """A started guard; :meth:`proxy` hands out credentials, violations are recorded."""

    def __init__(
        self, policy: AddressPolicy, resolver: Resolver = system_resolver, upstream: str = ""
    ) -> None:
        self.violations: list[tuple[str, str, str]] = []
        self.ledger = Ledger(lambda t, kind, detail: self.violations.append((t.name, kind, detail)))
        self.guard = Guard(self.ledger, policy, resolver, upstream)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._ticks: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self.guard.handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        self._ticks = asyncio.ensure_future(self._tick())

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            self.ledger.tick()

    async def close(self) -> None:
        assert self._server is not None
        assert self._ticks is not None
        self._ticks.cancel()
        self._server.close()
        for name in list(self.ledger.tokens):
            self.ledger.close(name)

    def token(self, name: str = "job", budget: Budget = ROOMY) -> Token:
        return self.ledger.open(name, budget)

    def proxy(self, name: str = "job", budget: Budget = ROOMY) -> str:
        """A proxy URL carrying a fresh credential named ``name``."""
        token = self.token(name, budget)
        return f"http://{name}:{token.secret}@127.0.0.1:{self.port}"

    def auth(self, name: str = "job", budget: Budget = ROOMY) -> str:
        """A ``Proxy-Authorization`` header value for a fresh credential."""
        token = self.token(name, budget)
        return "Basic " + base64.b64encode(f"{name}:{token.secret}".encode()).decode()


@dataclass
class Recorder:
    """A downloader's report, kept for assertions."""

    seen: list[Progress] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    infos: list[dict] = field(default_factory=list)

    def progress(self, progress: Progress, *, force: bool = False) -> None:
        self.seen.append(progress)

    def finished(self, path: Path) -> None:
        self.files.append(path)

    def chose(self, tool: str) -> None:
        self.tools.append(tool)

    def describe(self, info: dict) -> None:
        self.infos.append(info)


@pytest_asyncio.fixture
async def guard() -> AsyncIterator[InProcessGuard]:
    """A guard that lets downloads reach 127.0.0.1 (the "public" host of the tests) only."""
    running = InProcessGuard(AddressPolicy.parse("127.0.0.1/32"))
    await running.start()
    try:
        yield running
    finally:
        await running.close()
