"""gallery-dl in a child process: its config is process-global, so each job gets its own."""

from __future__ import annotations

import asyncio
from pathlib import Path

from loguru import logger

from bossbot.errors import NoMedia, TooLarge
from bossbot.fetch.base import FetchRequest, Progress, ProgressCallback
from bossbot.fetch.files import clear, display_name, tidy_names
from bossbot.fetch.gallery.command import build_command
from bossbot.fetch.gallery.errors import map_failure, too_large
from bossbot.fetch.gallery.process import Child
from bossbot.fetch.progress import Reporter

POLL = 0.1


def _sizes(dest: Path) -> dict[Path, int]:
    """Size of every file in ``dest`` right now (finished or still being written)."""
    sizes: dict[Path, int] = {}
    for path in dest.iterdir():
        try:
            sizes[path] = path.stat().st_size
        except OSError:  # renamed or removed meanwhile
            continue
    return sizes


async def _watch(child: Child, request: FetchRequest, reporter: Reporter) -> int:
    """Poll until gallery-dl ends: report progress, kill it when a file passes the cap."""
    while True:
        returncode = await child.wait(POLL)
        sizes = _sizes(request.dest)
        for path, size in sizes.items():
            if size > request.cap:
                await child.kill()
                name = display_name(path.name.removesuffix(".part"))
                raise TooLarge(
                    f"{path.name}: {size} bytes", name=name, size=size, limit=request.cap
                )
        done = len(child.written)
        progress = Progress(done=sum(sizes.values()), file_index=done + (returncode is None))
        reporter.report(progress, force=returncode is not None)
        if returncode is not None:
            return returncode


def _results(child: Child, request: FetchRequest, returncode: int) -> list[Path]:
    """The files gallery-dl wrote inside dest, or the error its run means."""
    root = request.dest.resolve()
    files = [Path(p) for p in child.written]
    files = [p for p in files if p.is_file() and p.resolve().parent == root]
    failure = map_failure(returncode, child.stderr)
    if failure is not None and not files:
        raise failure
    if failure is not None:
        logger.warning("gallery-dl fetched {} file(s), then failed: {}", len(files), failure)
    if not files:
        name = display_name(child.skipped[0]) if child.skipped else display_name(request.url)
        raise too_large(child.stderr, name) or NoMedia(f"gallery-dl wrote nothing: {child.stderr}")
    return tidy_names(files)


class GalleryDlFetcher:
    """The :class:`~bossbot.fetch.base.Fetcher` for galleries, images and posts."""

    async def fetch(self, request: FetchRequest, on_progress: ProgressCallback) -> list[Path]:
        """Download ``request.url`` into ``request.dest``; see the Fetcher protocol.

        Partial galleries are returned when some files failed; on failure or cancel
        ``request.dest`` is emptied before the error propagates.
        """
        request.dest.mkdir(parents=True, exist_ok=True)
        reporter = Reporter(on_progress, asyncio.get_running_loop())
        child = await Child.start(build_command(request))
        try:
            returncode = await _watch(child, request, reporter)
            return _results(child, request, returncode)
        except BaseException:
            await asyncio.shield(child.kill())
            clear(request.dest)
            raise
