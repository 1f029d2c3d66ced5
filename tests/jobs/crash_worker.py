"""A worker process for the crash test: starts a job whose download never ends.

Run as ``python tests/jobs/crash_worker.py DATA_DIR [DATABASE_URL]`` (SQLite under DATA_DIR,
or that PostgreSQL database); prints the job id, then ``FETCHING`` once part of the file is
written; the test then kills it with SIGKILL.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from bossbot.fetch.base import Progress
from bossbot.jobs import Executor, JobRequest
from bossbot.jobs.stores import open_store
from bossbot.settings import Settings
from tests.fakes.jobs import FakeFetch, Recorder, make_spec, passthrough


async def stuck(dest: Path, on_progress: Callable[[Progress], None]) -> list[Path]:
    """Write half of the file, say so, then hang."""
    (dest / "clip.mp4").write_bytes(b"half")
    on_progress(Progress(done=4, total=8))
    print("FETCHING", flush=True)
    await asyncio.Event().wait()
    return []


async def main(data_dir: Path, url: str = "") -> None:
    """Run one executor over the store in ``data_dir`` (or at ``url``) until killed."""
    executor = Executor(
        open_store(Settings(data_dir=data_dir, database_url=url)),
        spec=make_spec(),
        settings=Settings(data_dir=data_dir),
        fetch=FakeFetch(stuck),
        validate=passthrough,
        delivery=Recorder(),
        lease_ttl=30,
    )
    await executor.start()
    job = await executor.submit(JobRequest(url="https://x.test/clip.mp4", cap=1000))
    print(job.id, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), *sys.argv[2:]))
