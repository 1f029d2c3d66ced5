"""What a worker process can be asked to do: each task takes a payload, returns JSON data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bossbot.fetch.service import fetch_media
from bossbot.fit.decoding import decodes
from bossbot.media import sniff_file, validate
from bossbot.workers.channel import Channel

Task = Callable[[dict[str, Any], Channel], Any]


def fetch(payload: dict[str, Any], channel: Channel) -> list[str]:
    """Download ``payload["url"]`` into the job folder; the files written."""
    files = fetch_media(
        payload["url"],
        Path(payload["dest"]),
        spec=payload["spec"],
        cap=payload["cap"],
        report=channel,
        proxy=payload["proxy"],
        cookies_dir=payload["cookies_dir"],
        rate_limit=payload["rate_limit"],
    )
    return [str(path) for path in files]


def check(payload: dict[str, Any], channel: Channel) -> list[str]:
    """Judge downloaded files by their parsers and decoders; the files to upload."""
    files = [Path(name) for name in payload["files"]]
    checked = validate(files, cap=payload["cap"], dest=Path(payload["dest"]))
    for path in checked:
        decodes(path, sniff_file(path) or "", payload["fit"])
    return [str(path) for path in checked]


def ping(payload: dict[str, Any], channel: Channel) -> str:
    """Answer at once: starts the warmed parent, and measures a worker's start-up."""
    return "pong"


TASKS: dict[str, Task] = {"fetch": fetch, "validate": check, "ping": ping}
