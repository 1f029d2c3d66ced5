"""A worker's side of its pipe: JSON lines of progress, finished files, logs and the outcome."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Any, TextIO

from bossbot.errors import BossError
from bossbot.fetch.base import Progress

MIN_GAP = 0.2  # seconds between progress lines; a file's last report always passes


class Channel:
    """Writes messages for the bot; the bot reads them with :func:`bossbot.workers.events`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._last = 0.0

    def send(self, **message: Any) -> None:
        """Write one message (one line, flushed at once)."""
        self.stream.write(json.dumps(message, default=str) + "\n")
        self.stream.flush()

    def progress(self, progress: Progress, *, force: bool = False) -> None:
        """Report download progress, at most every :data:`MIN_GAP` seconds unless forced."""
        now = time.monotonic()
        if force or now - self._last >= MIN_GAP:
            self._last = now
            self.send(progress=dataclasses.asdict(progress))

    def finished(self, path: Path) -> None:
        """A file was written completely (the bot lets the job read as much again)."""
        self.send(file=str(path))

    def chose(self, tool: str) -> None:
        """The tool that read the link."""
        self.send(tool=tool)

    def describe(self, info: dict[str, Any]) -> None:
        """What the tool said of the media."""
        self.send(info=info)

    def log(self, message: Any) -> None:
        """A loguru sink: the line goes to the bot's log, tagged with the job."""
        record = message.record
        self.send(log={"level": record["level"].name, "text": record["message"]})

    def error(self, error: BossError) -> None:
        """The step failed with a domain error."""
        self.send(error={"kind": error.kind, "detail": error.detail, "data": error.data})
