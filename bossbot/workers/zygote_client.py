"""The bot's side of the zygote: start it, ask it to fork workers, hear when they end.

One zygote serves a whole process (:meth:`Zygote.shared`). It is a plain child process
and a socket, so it outlives event loops (tests run one loop each); the reader of its
answers is started on whichever loop uses it.
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

from bossbot.workers.child import Setup

START_TIMEOUT = 60.0  # seconds to import and warm the downloaders on a slow machine


class ZygoteUnavailable(Exception):
    """The zygote could not start, or it died."""


class Zygote:
    """A zygote process, restarted when it dies; :meth:`shared` is the one of this process."""

    _shared: Zygote | None = None

    @classmethod
    def shared(cls) -> Zygote:
        """The process's zygote: one warmed parent serves every Workers of a process."""
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self._replies: deque[asyncio.Future[int]] = deque()
        self._exits: dict[int, asyncio.Future[int]] = {}
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start the zygote unless it runs, wait until it has warmed up, read its answers."""
        loop = asyncio.get_running_loop()
        if self.process is None or self.process.poll() is not None:
            self._replies.clear()
            mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            command = [sys.executable, "-m", "bossbot.workers.zygote", str(theirs.fileno())]
            # A plain child (milliseconds to start): asyncio process handles die with their loop.
            self.process = subprocess.Popen(command, pass_fds=[theirs.fileno()])  # noqa: S603, ASYNC220
            theirs.close()
            mine.setblocking(False)
            self.sock = mine
            async with asyncio.timeout(START_TIMEOUT):
                if json.loads(await loop.sock_recv(mine, 4096) or b"{}") != {"ready": True}:
                    self.process.kill()
                    raise ZygoteUnavailable("the worker zygote did not start")
        if self._reader is None or self._reader.done() or self._reader.get_loop() is not loop:
            self._exits.clear()  # futures of another (finished) loop
            self._reader = asyncio.ensure_future(self._read(self.sock))  # type: ignore[arg-type]

    async def _read(self, sock: socket.socket) -> None:
        """Hand each pid and exit status to whoever waits for it, until the zygote ends."""
        loop = asyncio.get_running_loop()
        with contextlib.suppress(OSError):
            while message := json.loads(await loop.sock_recv(sock, 4096) or b"null"):
                if "pid" in message:
                    self._replies.popleft().set_result(message["pid"])
                else:
                    self.exit_of(message["exit"]).set_result(message["code"])
        for future in [*self._replies, *self._exits.values()]:
            if not future.done():
                future.set_exception(ZygoteUnavailable("the worker zygote stopped"))
        self._replies.clear()

    def exit_of(self, pid: int) -> asyncio.Future[int]:
        """A future set to the exit status of worker ``pid`` (negative: killed by a signal)."""
        if pid not in self._exits:
            self._exits[pid] = asyncio.get_running_loop().create_future()
        return self._exits[pid]

    def forget(self, pid: int) -> None:
        """Drop the exit record of a worker that has been waited for."""
        self._exits.pop(pid, None)

    async def fork(self, task: str, payload: dict[str, Any], setup: Setup, out: int) -> int:
        """Ask for a worker running ``task`` that reports on pipe ``out``; its pid."""
        await self.start()
        reply: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._replies.append(reply)
        request = pickle.dumps((task, payload, setup))
        while True:
            try:
                socket.send_fds(self.sock, [request], [out])  # type: ignore[arg-type]
                break
            except BlockingIOError:
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
            self.process.wait()
        self.process = self.sock = self._reader = None
