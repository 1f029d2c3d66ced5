"""The bot under test: ``python -m bossbot run`` on the fake, with raised limits."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.config import python_env
from bossbot.workers.memory import tree
from tests.fakes.discord import FakeDiscord

SYNC = r"/applications/\d+/guilds/\d+/commands$"
ACTIVE = ("queued", "fetching", "validating", "uploading")
TICK = os.sysconf("SC_CLK_TCK")


@dataclass(slots=True)
class Usage:
    """CPU seconds (process + reaped children) and memory of the bot process."""

    cpu: float
    rss_peak: int
    rss_now: int


def cpu_of(pid: int) -> float:
    """CPU seconds of ``pid`` and the children it reaped (utime, stime, cutime, cstime)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / TICK


def tree_cpu(pid: int) -> float:
    """CPU seconds of ``pid`` and every live descendant (the guard, the zygote, workers)."""
    return sum(cpu_of(member) for member in tree(pid))


def usage(pid: int) -> Usage:
    """CPU of the process tree; VmHWM / VmRSS of ``pid`` itself."""
    cpu = tree_cpu(pid)
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    kib = {key: int(status[key].split()[0]) * 1024 for key in ("VmHWM", "VmRSS")}
    return Usage(cpu, kib["VmHWM"], kib["VmRSS"])


class BotProcess:
    """One bot process against ``fake``; its data dir and log live under ``folder``."""

    def __init__(
        self, fake: FakeDiscord, folder: Path, commands: Path, *, bytecode: bool = True
    ) -> None:
        self.fake, self.folder, self.commands = fake, folder, commands
        self.bytecode = bytecode
        self.proc: asyncio.subprocess.Process | None = None
        self.started_at = 0.0

    @property
    def pid(self) -> int:
        """The process id."""
        assert self.proc is not None
        return self.proc.pid

    async def start(self, *, wait_sync: bool = True) -> float:
        """Start it; with ``wait_sync`` return seconds from spawn to commands synced."""
        data = self.folder / "data"
        env = {**python_env(bytecode=self.bytecode), **self.fake.env()}
        env["BOSSBOT_DATA_DIR"] = str(data)
        env.update(BOSSBOT_ALLOW_PRIVATE_URLS="true", BOSSBOT_COMMANDS_FILE=str(self.commands))
        log = (self.folder / "bot.log").open("ab")
        self.started_at = time.monotonic()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bossbot", "run",
            env=env, cwd=self.folder, stdout=log, stderr=log,
        )  # fmt: skip
        log.close()
        if not wait_sync:
            return 0.0
        put = await self.fake.wait_for("PUT", SYNC, timeout=60)
        return put.received_at - self.started_at

    def active_jobs(self) -> int:
        """Unfinished jobs in the bot's database."""
        path = self.folder / "data" / "jobs.sqlite3"
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            marks = ", ".join("?" * len(ACTIVE))
            sql = f"SELECT COUNT(*) FROM jobs WHERE state IN ({marks})"  # noqa: S608
            return int(conn.execute(sql, ACTIVE).fetchone()[0])

    async def drain(self, timeout: float = 300) -> None:  # noqa: ASYNC109
        """Wait until the bot has no unfinished job."""
        async with asyncio.timeout(timeout):
            while self.active_jobs():
                await asyncio.sleep(0.1)

    async def stop(self) -> None:
        """SIGTERM, then wait (kill after 20 s)."""
        if self.proc is None or self.proc.returncode is not None:
            return
        self.proc.terminate()
        try:
            await asyncio.wait_for(self.proc.wait(), 20)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
