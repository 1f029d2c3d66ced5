"""The fit bench's worker: fit one clip as a worker does, and sample its memory meanwhile.

Run as ``python -m bench.fit_worker CLIP CAP WORKDIR``; prints one JSON line. The peak is
the resident memory of this process plus its children (ffmpeg), read from ``/proc`` every
10 ms. ``ru_maxrss`` would not do: a child's figure starts from the memory of the process
that forked it (Linux keeps the high-water mark of the replaced image across ``exec``), so
it reports the bench process's own size, not ffmpeg's.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

from bossbot.fit import fit_file
from bossbot.spec import Fit


def rss_kib(pid: int | str) -> int:
    """VmRSS of ``pid`` in KiB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return 0


def tree_kib() -> int:
    """This process and its direct children, resident KiB."""
    total = rss_kib(os.getpid())
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        total += sum(rss_kib(child) for child in children)
    return total


class Sampler(threading.Thread):
    """Keeps the largest :func:`tree_kib` seen until stopped."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.done = 0, threading.Event()

    def run(self) -> None:
        """Sample until :attr:`done` is set."""
        while not self.done.wait(0.01):
            self.peak = max(self.peak, tree_kib())


def main(clip: str, cap: str, workdir: str) -> None:
    """Fit ``clip`` into ``cap`` bytes; print timings, memory and the result as JSON."""
    sampler = Sampler()
    sampler.start()
    started = time.monotonic()
    result = fit_file(Path(clip), cap=int(cap), fit=Fit(), workdir=Path(workdir))
    wall = time.monotonic() - started
    sampler.done.set()
    sampler.join()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall": wall, "cpu": kids.ru_utime + kids.ru_stime, "tree_kib": sampler.peak,
        "path": str(result.path), "size": result.size_after, "height": result.height_after,
        "attempts": result.attempts,
    }))  # fmt: skip


if __name__ == "__main__":
    main(*sys.argv[1:4])
