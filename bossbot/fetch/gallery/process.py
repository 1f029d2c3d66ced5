"""One gallery-dl child process: its own session (killed as a group), output collected."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections import deque

KILL_WAIT = 2.0


class Child:
    """A started gallery-dl; ``written`` and ``skipped`` fill in as it prints paths."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.written: list[str] = []
        self.skipped: list[str] = []
        self.errors: deque[str] = deque(maxlen=40)
        assert process.stdout is not None  # noqa: S101
        assert process.stderr is not None  # noqa: S101
        self._readers = [
            asyncio.ensure_future(self._read_paths(process.stdout)),
            asyncio.ensure_future(self._read_errors(process.stderr)),
        ]

    @classmethod
    async def start(cls, argv: list[str]) -> Child:
        """Start ``argv`` in a new session, with no stdin."""
        process = await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        return cls(process)

    async def _read_paths(self, stdout: asyncio.StreamReader) -> None:
        """Collect the paths gallery-dl prints: ``PATH`` when written, ``# PATH`` if skipped."""
        async for raw in stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if line.startswith("# "):
                self.skipped.append(line[2:])
            elif line:
                self.written.append(line)

    async def _read_errors(self, stderr: asyncio.StreamReader) -> None:
        """Keep the last lines of gallery-dl's log (stderr)."""
        async for raw in stderr:
            self.errors.append(raw.decode("utf-8", "replace").rstrip())

    @property
    def stderr(self) -> str:
        """The kept log lines."""
        return "\n".join(self.errors)

    async def wait(self, seconds: float) -> int | None:
        """Wait up to ``seconds`` for the end; the exit status, or None while running."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self.process.wait()
                await asyncio.gather(*self._readers)
        return self.process.returncode if all(r.done() for r in self._readers) else None

    async def kill(self) -> None:
        """Kill the whole process group and reap it (bounded by :data:`KILL_WAIT`)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        await self.wait(KILL_WAIT)
        for reader in self._readers:
            reader.cancel()
