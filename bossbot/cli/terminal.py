"""The terminal's job listener: one updating progress line on a TTY, plain lines otherwise."""

from __future__ import annotations

from typing import Any, TextIO

from bossbot.jobs import Job, JobEvent
from bossbot.messages.jobs import status_text

CLEAR_LINE = "\x1b[K"


class TerminalListener:
    """Prints each job event's status text, the same text Discord users see."""

    def __init__(self, stream: TextIO, *, tty: bool | None = None, prefix: str = "$") -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.prefix = prefix
        self._open = False

    async def on_update(self, job: Job, event: JobEvent) -> None:
        """Redraw the progress line in place, or print a line."""
        text = status_text(job, event, prefix=self.prefix)
        if self.tty and event.name == "progress":
            self.stream.write(f"\r{text}{CLEAR_LINE}")
            self._open = True
        else:
            if self._open:
                self.stream.write("\n")
                self._open = False
            self.stream.write(f"{text}\n")
        self.stream.flush()


def tool_line(info: dict[str, Any] | None) -> str | None:
    """Which downloader took the link, and its extractor: ``🧰 yt-dlp, extractor Generic``."""
    tool = (info or {}).get("tool")
    if not tool:
        return None
    extractor = (info or {}).get("extractor")
    return f"🧰 {tool}" + (f", extractor {extractor}" if extractor else "")
