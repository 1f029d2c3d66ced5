"""One worker process, from the bot's side: fork it, read its lines, kill its group."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
from collections.abc import AsyncIterator
from typing import Any

from bossbot.workers.child import Setup
from bossbot.workers.zygote_client import Zygote

LINE_LIMIT = 4 * 1024 * 1024  # a worker's longest message (a result listing many files)


class WorkerProcess:
    """A started worker and the read end of its pipe."""

    def __init__(self, zygote: Zygote, pid: int, lines: asyncio.StreamReader) -> None:
        self.zygote, self.pid, self.lines = zygote, pid, lines
        self.ended = zygote.exit_of(pid)

    @classmethod
    async def start(
        cls, zygote: Zygote, task: str, payload: dict[str, Any], setup: Setup
    ) -> WorkerProcess:
        """Fork a worker for ``task`` from the zygote."""
        reading, writing = os.pipe()
        try:
            forking = asyncio.ensure_future(zygote.fork(task, payload, setup, writing))
            try:
                pid = await asyncio.shield(forking)
            except asyncio.CancelledError:  # it forks anyway: do not leave it running
                os.killpg(await forking, signal.SIGKILL)
                raise
        except BaseException:
            os.close(reading)
            raise
        finally:
            os.close(writing)
        lines = asyncio.StreamReader(limit=LINE_LIMIT)
        pipe = os.fdopen(reading, "rb", buffering=0)
        loop = asyncio.get_running_loop()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(lines), pipe)
        return cls(zygote, pid, lines)

    def kill(self) -> None:
        """SIGKILL the worker's process group: itself and every tool it started.

        A process group's id is not reused while the group has members, so this is safe
        after the worker itself ended (tools it started may outlive it); the worker alone
        is only signalled while the zygote has not reaped it (before its ``setsid``).
        """
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        if not self.ended.done():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(self.pid, signal.SIGKILL)

    async def messages(self) -> AsyncIterator[dict[str, Any]]:
        """The worker's messages until it closes its pipe (it ended, or was killed)."""
        async for line in self.lines:
            yield json.loads(line)

    async def wait(self) -> int:
        """Wait until the worker has ended and been reaped; its exit status."""
        try:
            return await asyncio.shield(self.ended)
        finally:
            if self.ended.done():
                self.zygote.exits.pop(self.pid, None)
