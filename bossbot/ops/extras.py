"""Doctor checks of what real sites need beyond yt-dlp itself (its optional extras).

Each missing piece names what stops working; ``uv sync`` installs all of them
(``yt-dlp[default,curl-cffi,deno]`` in pyproject.toml).
"""

from __future__ import annotations

import importlib.util
import subprocess
from collections.abc import Callable

from bossbot.ops.checks import OK, WARN, Check
from bossbot.workers.deno import find_deno

EXTRAS: tuple[tuple[str, str, str], ...] = (
    ("curl_cffi", "impersonation", "sites that refuse non-browser clients (TikTok and "
     "others behind Cloudflare) fail"),
    ("yt_dlp_ejs", "yt-dlp-ejs", "YouTube's signature challenges go unsolved: most YouTube "
     "formats are missing"),
    ("Cryptodome", "pycryptodomex", "AES-encrypted HLS streams cannot be downloaded"),
    ("brotli", "brotli", "sites sending brotli-compressed pages fail"),
    ("websockets", "websockets", "live streams and sites that talk over websockets fail"),
)  # fmt: skip
FIX = "reinstall with `uv sync --frozen --no-dev`"


def check_extras(found: Callable[[str], bool] | None = None) -> list[Check]:
    """One line per extra: present, or what breaks without it."""
    present = found or (lambda module: importlib.util.find_spec(module) is not None)
    return [
        Check(OK, name, "present")
        if present(module)
        else Check(WARN, name, f"missing: {why}; {FIX}")
        for module, name, why in EXTRAS
    ]


def check_deno(find: Callable[[], str | None] = find_deno) -> Check:
    """The JavaScript runtime yt-dlp needs for YouTube, and its version."""
    path = find()
    if path is None:
        return Check(WARN, "deno", f"missing: YouTube downloads fail; {FIX}")
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20)  # noqa: S603
        version = done.stdout.split()[1]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return Check(WARN, "deno", f"{path} does not run: YouTube downloads fail; {FIX}")
    return Check(OK, "deno", f"{version} ({path}), started by workers through bossbot-deno")
