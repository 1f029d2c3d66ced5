"""Running ffmpeg on files we own: fixed options, local files only, lower priority.

No user text ever reaches the command line: inputs and outputs are absolute ``file:`` URLs
(a path can never read as an option), the protocol whitelist keeps ffmpeg off the network
(a playlist inside a hostile file cannot open a URL), and the format whitelist refuses
playlist and concat demuxers that would read other local files. ffmpeg stays in the
caller's process group, so killing a worker's group stops it too.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bossbot.fit.binary import find_ffmpeg
from bossbot.fit.progress import ProgressFn, ProgressReader

DEMUXERS = "mov,matroska,webm,mpegts,flv,avi,asf,gif,webp_anim,mp3,ogg,flac,wav,aac"
"""Container formats ffmpeg may open: media, never playlists (hls, concat) or images."""
LOG_TAIL = 2000
LOG_MOST = 1 << 20


class FfmpegFailed(Exception):
    """ffmpeg exited non-zero; ``log`` holds the end of its error output (for logs only)."""

    def __init__(self, code: int, log: str) -> None:
        super().__init__(f"ffmpeg exited with {code}: {log}")
        self.code, self.log = code, log


def file_url(path: Path) -> str:
    """``file:/abs/path``: never an option, never another protocol."""
    return f"file:{path.resolve()}"


def source(path: Path, threads: int) -> list[str]:
    """The input part of a command: decoder threads, whitelists and ``-i file:...``."""
    return [
        "-threads", str(threads),
        "-protocol_whitelist", "file,pipe",
        "-format_whitelist", DEMUXERS,
        "-i", file_url(path),
    ]  # fmt: skip


def command(args: Sequence[str], level: str = "error") -> list[str]:
    """The full argv: ffmpeg, no stdin, overwrite, progress on stdout, then ``args``.

    ``level`` is ffmpeg's log level: ``error`` (quiet), or ``info`` to read its report.
    """
    head = [str(find_ffmpeg().path), "-hide_banner", "-nostdin", "-y", "-v", level]
    return [*head, "-nostats", "-progress", "pipe:1", *args]


def _lower_priority(niceness: int) -> None:
    """Runs in the child before ffmpeg starts (same process group: no new session)."""
    os.nice(niceness)


def run_ffmpeg(
    args: Sequence[str],
    *,
    niceness: int,
    total: float = 0.0,
    on_progress: ProgressFn | None = None,
    attempt: int = 1,
    output: Path | None = None,
    level: str = "error",
) -> str:
    """Run ffmpeg with ``args`` (inputs and outputs made with :func:`source`/:func:`file_url`).

    A failure or an exception from ``on_progress`` kills ffmpeg and removes ``output``.

    Returns:
        What ffmpeg logged at ``level`` (its first MiB).

    Raises:
        FfmpegFailed: ffmpeg exited with an error (the input is broken or not media).
    """
    reader = ProgressReader(total, on_progress, attempt)
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell, no user text
            command(args, level),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            preexec_fn=lambda: _lower_priority(niceness),
        )
        try:
            assert proc.stdout is not None  # noqa: S101 - stdout=PIPE
            for line in proc.stdout:
                reader.feed(line)
            code = proc.wait()
            log.seek(0)
            text = log.read(LOG_MOST).decode("utf-8", "replace")
            if code != 0:
                raise FfmpegFailed(code, text[-LOG_TAIL:].strip())
        except BaseException:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if output is not None:
                with contextlib.suppress(FileNotFoundError):
                    output.unlink()
            raise
    return text
