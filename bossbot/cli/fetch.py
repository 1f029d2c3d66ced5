"""``bossbot fetch URL [--out DIR] [--cap SIZE] [--audio] [--quality N]``: one job, from a terminal.

The files are fitted to ``--cap`` (default: the default role's ``max_file_size``), as
they would be for a Discord channel with that limit; the downloader that took the link
and the caption are printed with them.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path
from typing import Any

from bossbot.cli.common import byte_size, open_store, quiet_logs, settings_and_spec
from bossbot.cli.terminal import TerminalListener, tool_line
from bossbot.errors import BossError
from bossbot.fetch import check_url, route
from bossbot.fetch.urls import refuse_private_literal
from bossbot.jobs import Executor, FolderDelivery, JobRequest
from bossbot.media import batches
from bossbot.media.info import MediaInfo
from bossbot.messages import render_error
from bossbot.messages.results import caption
from bossbot.settings import Settings
from bossbot.spec import Spec
from bossbot.workers import Workers

TERMINAL_INTERVAL = 1.0  # seconds between progress redraws on a TTY


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``fetch`` verb."""
    parser = subparsers.add_parser("fetch", help="download one URL through the job machine")
    parser.add_argument("url", help="the link to download")
    parser.add_argument("--out", type=Path, default=None, help="folder for the files (default: .)")
    parser.add_argument("--cap", type=byte_size, default=None, help="most bytes per file (10MiB)")
    parser.add_argument("--audio", action="store_true", help="keep only the sound")
    parser.add_argument("--quality", type=int, default=None, help="tallest video height wanted")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Download ``args.url`` into ``args.out``; 0 when done, 1 when the job failed."""
    settings, spec = settings_and_spec()
    quiet_logs(settings)
    try:
        asked = {"cap": args.cap, "audio": args.audio, "quality": args.quality}
        return asyncio.run(fetch_one(args.url, args.out or Path.cwd(), settings, spec, asked))
    except KeyboardInterrupt:
        return 130


def checked_request(
    url: str, spec: Spec, settings: Settings, asked: dict[str, Any] | None = None
) -> JobRequest:
    """The terminal user's job request, after the URL policy checks a Discord user meets.

    ``asked`` holds ``cap`` (None: the default role's), ``audio`` and ``quality``.

    Raises:
        BossError: InvalidUrl, Unsupported, PrivateAddress... (one message, no job).
    """
    url = check_url(url)
    refuse_private_literal(url, settings.allow_private_urls)
    site, _ = route(url, spec)
    role, asked = spec.roles[spec.default_role], asked or {}
    return JobRequest(
        url=url, cap=asked.get("cap") or role.max_file_size, command="fetch", site=site,
        requester_name=getpass.getuser(), role=spec.default_role, priority=role.priority,
        user_limit=spec.limits.max_queue, audio=bool(asked.get("audio")),
        quality=asked.get("quality"),
    )  # fmt: skip


async def fetch_one(
    url: str, out: Path, settings: Settings, spec: Spec, asked: dict[str, Any] | None = None
) -> int:
    """Run one job with the real fetchers, printing its status texts on stderr."""
    listener = TerminalListener(sys.stderr, prefix=spec.prefix)
    if listener.tty:
        limits = spec.limits.model_copy(update={"progress_interval": TERMINAL_INTERVAL})
        spec = spec.model_copy(update={"limits": limits})
    try:
        request = checked_request(url, spec, settings, asked)
    except BossError as error:
        print(render_error(error, prefix=spec.prefix), file=sys.stderr)
        return 1
    store, delivery, workers = open_store(settings), FolderDelivery(out), Workers(settings, spec)
    await workers.start()
    executor = Executor(
        store, spec=spec, settings=settings, fetch=workers.fetch, validate=workers.validate,
        split=batches, delivery=delivery, listeners=[listener], origin="cli", only_own=True,
        resume=False,
    )  # fmt: skip
    await executor.start()
    try:
        job = await executor.submit(request)
        try:
            job = await executor.wait(job.id)
        except asyncio.CancelledError:  # Ctrl-C: cancel the download, remove its files
            await executor.cancel(job.id)
            raise
    except BossError as error:  # refused before it was queued (queue full)
        print(render_error(error, prefix=spec.prefix), file=sys.stderr)
        return 1
    finally:
        await executor.stop()
        await workers.stop()
        await store.close()
    if (tool := tool_line(job.info)) is not None:
        print(tool, file=sys.stderr)
    if job.state == "done":
        print(caption(job.url, MediaInfo.from_mapping(job.info), notes=job.notes), file=sys.stderr)
    for path in delivery.delivered:
        print(path)
    return 0 if job.state == "done" else 1
