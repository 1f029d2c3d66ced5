"""How much memory a worker really uses: the proportional set size of its process tree.

PSS counts pages shared with the warmed parent (copy-on-write) only in part, so a worker
is not charged for the modules it inherited. Children are found through ``/proc``'s
``children`` lists, which is enough for the tools a worker starts (ffmpeg, deno).
"""

from __future__ import annotations

from pathlib import Path

PROC = Path("/proc")


def tree(pid: int) -> list[int]:
    """``pid`` and every descendant process that is still alive."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in (PROC / str(current) / "task").glob("*/children"):
            try:
                todo += [int(child) for child in task.read_text().split()]
            except OSError:  # the task ended meanwhile
                continue
    return found


def pss(pid: int) -> int:
    """Proportional set size of one process in bytes (0 once it has gone)."""
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def tree_pss(pid: int) -> int:
    """Proportional set size of ``pid`` and its descendants together, in bytes."""
    return sum(pss(member) for member in tree(pid))
