"""The bot's side of the zygote: start it, ask it to fork workers, hear when they end.

One zygote serves a whole process (:data:`SHARED`): a plain child process and a socket,
so it outlives event loops (tests run one each); its answers are read on the loop using it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import pickle
import socket
import subprocess
import sys
from collections import deque
from typing import Any

from bossbot.futures import fail_all
from bossbot.workers.child import Setup

START_TIMEOUT = 60.0  # seconds to import and warm the downloaders on a slow machine


class ZygoteUnavailable(Exception):
    """The zygote could not start, or it died."""


def spawn() -> tuple[subprocess.Popen[bytes], socket.socket]:
    """Start a zygote process; returns it and the bot's end of its socket."""
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    command = [sys.executable, "-m", "bossbot.workers.zygote", str(theirs.fileno())]
    process = subprocess.Popen(command, pass_fds=[theirs.fileno()])  # noqa: S603
    theirs.close()
    mine.setblocking(False)
    return process, mine


class Zygote:
    """A zygote process, started on first use and again after it died."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self.exits: dict[int, asyncio.Future[int]] = {}
        self._replies: deque[asyncio.Future[int]] = deque()
        self._reader: asyncio.Task[None] | None = None
        self._starting: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start the zygote unless it runs (callers share one start; a failed one is redone)."""
        loop = asyncio.get_running_loop()
        task = self._starting
        if task is None or task.get_loop() is not loop or (task.done() and not self._up(loop)):
            task = self._starting = loop.create_task(self._start(loop))
        await asyncio.shield(task)

    def _up(self, loop: asyncio.AbstractEventLoop) -> bool:
        """True when the zygote runs and its answers are read on ``loop``."""
        reader, process = self._reader, self.process
        reading = reader is not None and not reader.done() and reader.get_loop() is loop
        return reading and process is not None and process.poll() is None

    async def _start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Spawn the zygote if needed, wait for its ``ready``, read its answers on ``loop``."""
        if self.process is None or self.process.poll() is not None:
            self._replies.clear()
            self.process, self.sock = spawn()  # milliseconds; asyncio handles die with a loop
            async with asyncio.timeout(START_TIMEOUT):
                if json.loads(await loop.sock_recv(self.sock, 4096) or b"{}") != {"ready": True}:
                    self.process.kill()
                    raise ZygoteUnavailable("the worker zygote did not start")
        if not self._up(loop):
            self.exits.clear()  # futures of another (finished) loop
            self._reader = loop.create_task(self._read(loop, self.sock))  # type: ignore[arg-type]

    async def _read(self, loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
        """Hand each pid and exit status to whoever waits for it, until the zygote ends."""
        with contextlib.suppress(OSError):
            while message := json.loads(await loop.sock_recv(sock, 4096) or b"null"):
                if "pid" in message:
                    self._replies.popleft().set_result(message["pid"])
                else:
                    self.exit_of(message["exit"]).set_result(message["code"])
        fail_all([*self._replies, *self.exits.values()], ZygoteUnavailable("the zygote stopped"))
        self._replies.clear()

    def exit_of(self, pid: int) -> asyncio.Future[int]:
        """A future set to the exit status of worker ``pid`` (negative: killed by a signal)."""
        return self.exits.setdefault(pid, asyncio.get_running_loop().create_future())

    async def fork(self, task: str, payload: dict[str, Any], setup: Setup, out: int) -> int:
        """Ask for a worker running ``task`` that reports on pipe ``out``; its pid."""
        await self.start()
        self._replies.append(reply := asyncio.get_running_loop().create_future())
        request = pickle.dumps((task, payload, setup))
        while True:
            try:
                socket.send_fds(self.sock, [request], [out])  # type: ignore[arg-type]
                break
            except BlockingIOError:  # the zygote is busy forking: its queue is full
                await asyncio.sleep(0.005)
        return await asyncio.shield(reply)

    def stop(self) -> None:
        """Close the socket: the zygote kills its workers and exits."""
        if self._reader is not None:
            self._reader.cancel()
        if self.sock is not None:
            self.sock.close()
        if self.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5.0)
            self.process.kill()
        self.process = self.sock = self._reader = self._starting = None


SHARED = Zygote()
"""The process's zygote: one warmed parent serves every :class:`Workers` of a process."""
