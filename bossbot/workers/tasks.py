"""What a worker process can be asked to do: each task takes a payload, returns JSON data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bossbot.fetch.service import fetch_media
from bossbot.fit.decoding import decodes
from bossbot.workers.channel import Channel
from bossbot.workers.fitting import fit_all

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
        choice=payload.get("choice"),
    )
    return [str(path) for path in files]


def check(payload: dict[str, Any], channel: Channel) -> dict[str, list[str]]:
    """Judge downloaded files by their parsers and decoders, then make them fit."""
    return fit_all(payload, channel, decodes)


def ping(payload: dict[str, Any], channel: Channel) -> str:
    """Answer at once: starts the warmed parent, and measures a worker's start-up."""
    return "pong"


TASKS: dict[str, Task] = {"fetch": fetch, "validate": check, "ping": ping}
