"""The bot's side of the guard: start its process, hand out credentials, hear violations."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import sys
from collections.abc import Callable
from typing import Any

from loguru import logger

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.budget import Budget
from bossbot.futures import fail_all

OnViolation = Callable[[str, str], None]
"""Called as ``(kind, detail)`` when the guard reports a job's violation."""
START_TIMEOUT = 20.0  # seconds for the guard process to announce its port


class GuardUnavailable(Exception):
    """The guard process is not running (it could not start, or it died)."""


class GuardClient:
    """One guard process per bot process, restarted when it dies."""

    def __init__(
        self, policy: AddressPolicy, upstream: str = "", log_level: str = "WARNING"
    ) -> None:
        self.policy, self.upstream, self.log_level = policy, upstream, log_level
        self.port = 0
        self._process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._waiting: dict[tuple[str, str], asyncio.Future[dict[str, Any]]] = {}
        self._listeners: dict[str, OnViolation] = {}
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        """Start the guard process (if it is not running) and learn its port."""
        async with self._lock:
            if self._process is not None and self._process.returncode is None:
                return
            self._process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bossbot.egress", "--allow", self.policy.describe(),
                "--upstream", self.upstream, "--log-level", self.log_level,
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            )  # fmt: skip
            async with asyncio.timeout(START_TIMEOUT):
                ready = json.loads(await self._process.stdout.readline() or b"{}")  # type: ignore[union-attr]
            if "ready" not in ready:
                raise GuardUnavailable("the egress guard did not start")
            self.port = int(ready["ready"])
            self._reader = asyncio.ensure_future(self._read(self._process))

    async def _read(self, process: asyncio.subprocess.Process) -> None:
        """Dispatch the guard's lines until it exits; then fail whatever still waits."""
        async for raw in process.stdout:  # type: ignore[union-attr]
            message = json.loads(raw)
            if "violation" in message:
                if listener := self._listeners.get(message["violation"]):
                    listener(message["kind"], message["detail"])
                continue
            key = next((k, message[k]) for k in ("opened", "closed") if k in message)
            if (future := self._waiting.pop(key, None)) and not future.done():
                future.set_result(message)
        if self._process is process:  # not stopped on purpose
            logger.warning("the egress guard stopped; it is restarted for the next download")
        fail_all(self._waiting.values(), GuardUnavailable("the egress guard stopped"))
        self._waiting.clear()

    async def _ask(self, key: tuple[str, str], message: dict[str, Any]) -> dict[str, Any]:
        """Send a control line and wait for its answer."""
        self._waiting[key] = future = asyncio.get_running_loop().create_future()
        self._send(message)
        return await future

    def _send(self, message: dict[str, Any]) -> None:
        """Write a control line (the guard reads them in order)."""
        if self._process is None or self._reader is None or self._reader.done():
            raise GuardUnavailable("the egress guard is not running")
        self._process.stdin.write((json.dumps(message) + "\n").encode())

    async def open(self, name: str, budget: Budget, on_violation: OnViolation) -> str:
        """A fresh credential for ``name``; returns the proxy URL that carries it."""
        await self.start()
        self._listeners[name] = on_violation
        answer = await self._ask(
            ("opened", name), {"op": "open", "name": name, "budget": dataclasses.asdict(budget)}
        )
        return f"http://{name}:{answer['secret']}@127.0.0.1:{self.port}"

    def grow(self, name: str, size: int) -> None:
        """Let ``name`` read ``size`` more bytes (a finished file of that size)."""
        with contextlib.suppress(GuardUnavailable):
            self._send({"op": "grow", "name": name, "bytes": size})

    async def close(self, name: str) -> dict[str, Any]:
        """Withdraw the credential, cut its connections; returns bytes read and requests."""
        self._listeners.pop(name, None)
        try:
            return await self._ask(("closed", name), {"op": "close", "name": name})
        except (GuardUnavailable, ConnectionError):
            return {}

    async def stop(self) -> None:
        """Stop the guard process."""
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            process.stdin.close()  # type: ignore[union-attr]
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(2.0):
                    await process.wait()
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        await asyncio.gather(*filter(None, [self._reader]), return_exceptions=True)
