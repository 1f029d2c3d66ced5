"""``bossbot-deno``: deno for yt-dlp, with the worker's data-size limit lifted.

V8 reserves gigabytes of memory when it starts, which the worker's ``RLIMIT_DATA`` would
refuse; deno's real use is still bounded by the bot, which measures the whole worker
process tree and kills it above the declared ceiling.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import sysconfig
from pathlib import Path


def find_deno() -> str | None:
    """The deno executable: the one the ``deno`` wheel installs, else one on PATH."""
    bundled = Path(sysconfig.get_path("scripts")) / "deno"
    return str(bundled) if bundled.is_file() else shutil.which("deno")


def main() -> None:
    """Raise the soft data limit to the hard one, then become deno with the same arguments."""
    deno = find_deno()
    if deno is None:
        sys.exit("bossbot-deno: deno is not installed (uv sync installs it)")
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (hard, hard))
    os.execv(deno, [deno, *sys.argv[1:]])  # noqa: S606 - a fixed program, our own arguments
