"""The bench's settings for the bot: raised limits, bytecode cache, fake rate limits."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
PYCACHE = ROOT / "bench" / "results" / "pycache"


def python_env(*, bytecode: bool = True) -> dict[str, str]:
    """The environment for Python subprocesses, with or without a bytecode cache.

    A deployment has compiled bytecode (the Dockerfile sets ``UV_COMPILE_BYTECODE=1``);
    a checkout run with ``PYTHONDONTWRITEBYTECODE`` compiles every module at each start.
    With ``bytecode`` the cache lives in ``bench/results/pycache``, not in the venv.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    if not bytecode:
        env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONPYCACHEPREFIX="/nonexistent/bench-no-cache")
    return env


def bench_spec(
    folder: Path, *, max_concurrent: int = 10, max_queue: int = 500, cache: bool = False
) -> Path:
    """Write the repository's commands.toml with bench limits (100 MiB files, big queues).

    The cache of repeat links is off unless ``cache``: the other figures send one link
    many times and measure its download.
    """
    spec = tomllib.loads((ROOT / "commands.toml").read_text())
    spec["limits"].update(max_concurrent=max_concurrent, max_queue=max_queue)
    spec["cache"]["enabled"] = cache
    for role in spec["roles"].values():
        role.update(max_file_size="100MiB", max_queued=max_queue)
    path = folder / "commands.toml"
    path.write_text(tomli_w.dumps(spec))
    return path


BUCKETS = 1_000_000
"""Rate-limit bucket size the fake announces: large, so hikari never holds requests back.

Real Discord allows about 5 messages per 5 s in one channel, so there a burst of prefix
commands in one channel is acknowledged at Discord's pace whatever the bot does (slash
command callbacks have no such limit). The bench measures the bot itself.
"""
