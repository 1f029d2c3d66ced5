"""What runs first in a worker process: its own session, limits, priority, and sandbox.

The bot imports this module for :class:`Setup` only; the task code is imported by the
zygote (see :mod:`bossbot.workers.preload`), which forks workers into :func:`main`.
"""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass
from typing import Any

SECRETS = ("BOSSBOT_DISCORD_TOKEN",)
PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@dataclass(frozen=True, slots=True)
class Setup:
    """How to set a worker up.

    Attributes:
        proxy: The egress guard URL with this step's credential; None: no network at all.
        guard: The guard's ``(host, port)``, the one address Python code may connect to.
        memory: Bytes of data memory each process of the worker may use (RLIMIT_DATA).
        nice: How much lower the worker's CPU priority is than the bot's.
        log_level: The bot's log level; the worker sends lines at or above it.
        direct: No guard at all (the bench's baseline only): the network is not confined.
    """

    proxy: str | None
    guard: tuple[str, int] | None
    memory: int
    nice: int
    log_level: str = "INFO"
    direct: bool = False


def confine(setup: Setup) -> None:
    """Own process group, memory limit, low priority, guard-only network, no secrets."""
    os.setsid()  # the bot kills the whole group: this process and every tool it starts
    resource.setrlimit(resource.RLIMIT_DATA, (setup.memory, resource.RLIM_INFINITY))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.nice(setup.nice)
    for name in SECRETS:
        os.environ.pop(name, None)
    if setup.direct:
        return
    for name in PROXY_VARIABLES:
        if setup.proxy is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = setup.proxy
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = ""
    from bossbot.workers import sockets

    sockets.install(setup.guard)


def main(task: str, payload: dict[str, Any], out: int, setup: Setup) -> None:
    """Run one task and write its outcome to the pipe ``out``; never raises."""
    from loguru import logger

    from bossbot.errors import BossError, Internal, WorkerMemory
    from bossbot.workers.channel import Channel
    from bossbot.workers.tasks import TASKS

    channel = Channel(os.fdopen(out, "w", encoding="utf-8"))
    logger.remove()
    logger.add(channel.log, level=setup.log_level, format="{message}")
    try:
        confine(setup)
        channel.send(result=TASKS[task](payload, channel))
    except BossError as error:
        channel.error(error)
    except MemoryError:
        channel.error(WorkerMemory("MemoryError", limit=setup.memory))
    except BaseException as exc:  # anything else is our fault: say so, and log it
        logger.opt(exception=exc).error("worker task {} crashed", task)
        channel.error(Internal(f"{type(exc).__name__}: {exc}"[:500]))
