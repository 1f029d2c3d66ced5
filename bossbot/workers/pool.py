"""The bot's workers: every download and every file check runs in a worker process.

:class:`Workers` owns the egress guard process and hands each job step a fresh guard
credential with the job's budgets; its ``fetch`` and ``validate`` (from
:mod:`bossbot.workers.plugins`) are what the job executor calls.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from bossbot.egress.budget import Budget
from bossbot.egress.client import GuardClient
from bossbot.fetch.base import Progress, ProgressCallback
from bossbot.settings import Settings
from bossbot.spec import Spec
from bossbot.workers.child import SECRETS, Setup
from bossbot.workers.plugins import JobSteps
from bossbot.workers.process import WorkerProcess
from bossbot.workers.step import Step
from bossbot.workers.zygote_client import SHARED


class Workers:
    """Worker processes and the guard of one bot (or command line) process."""

    def __init__(self, settings: Settings, spec: Spec, *, egress: bool = True) -> None:
        """``egress=False`` runs workers without the guard: only for the bench's baseline."""
        self.settings, self.spec, self.egress = settings, spec, egress
        self.guard = GuardClient(settings.allow_private_urls, settings.egress_proxy)
        self.zygote = SHARED
        self.running: set[WorkerProcess] = set()
        self._count = 0
        self.steps = JobSteps(self)
        self.fetch, self.validate = self.steps.fetch, self.steps.validate

    async def start(self) -> None:
        """Start the guard and the warmed parent of the workers (secrets stay with the bot)."""
        for name in SECRETS:  # workers inherit the environment: not the token
            os.environ.pop(name, None)
        os.environ.setdefault("DENO_DIR", str(self.settings.data_dir.absolute() / "deno"))
        if self.egress:
            await self.guard.start()
        await self.zygote.start()

    async def stop(self) -> None:
        """Kill every running worker, then stop the guard (the zygote ends with the process)."""
        for worker in list(self.running):
            worker.kill()
        await self.guard.stop()

    async def run(
        self, task: str, payload: dict[str, Any], *, name: str, budget: Budget | None = None,
        on_progress: ProgressCallback | None = None, dest: Path | None = None, cap: int = 0,
        heard: dict[str, Any] | None = None,
    ) -> Any:  # fmt: skip
        """Run ``task`` in a fresh worker; its result, or the error that ended it.

        ``on_progress`` gets its progress reports, ``heard`` its other ones (``info``,
        ``tool``); each file finished under ``dest`` lets the step read that much more.
        """
        self._count += 1
        name, b = f"{name}.{self._count}", self.spec.budgets
        step = Step(b, budget)
        use_guard = budget is not None and self.egress
        proxy = await self.guard.open(name, budget, step.on_violation) if use_guard else None
        guard = ("127.0.0.1", self.guard.port) if proxy else None
        setup = Setup(proxy, guard, b.memory, b.nice, self.settings.log_level, not self.egress)
        try:
            worker = await WorkerProcess.start(
                self.zygote, task, {**payload, "proxy": proxy}, setup
            )
            self.running.add(worker)
            step.attach(worker)
            return await self._follow(step, worker, name, on_progress, dest, cap, heard)
        finally:
            if proxy is not None:
                await self.guard.close(name)

    async def _follow(
        self, step: Step, worker: WorkerProcess, name: str,
        on_progress: ProgressCallback | None, dest: Path | None, cap: int,
        heard: dict[str, Any] | None,
    ) -> Any:  # fmt: skip
        """Relay the worker's reports until it ends; kill its group whatever happens."""

        def on(kind: str, value: Any) -> None:
            if kind == "progress" and on_progress is not None:
                on_progress(Progress(**value))
            elif kind == "file" and dest is not None and Path(value).parent == dest:
                size = Path(value).stat().st_size if Path(value).is_file() else 0
                self.guard.grow(name, min(size, cap))
            elif heard is not None:
                heard[kind] = value

        watcher = asyncio.ensure_future(step.watch_memory())
        try:
            await step.follow(on)
            code = await worker.wait()
        finally:
            watcher.cancel()
            worker.kill()  # tools it started, if any outlived it; and a cancelled step
            self.running.discard(worker)
        return step.outcome(code)
