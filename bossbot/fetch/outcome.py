"""What a job's steps hand back to the job core: the files, and what is known of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Fetched:
    """A download's files, and what the tool said of the media (None: nothing)."""

    files: list[Path]
    info: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Checked:
    """The files to post, and per file what fitting did to it ("" when nothing)."""

    files: list[Path]
    notes: list[str] = field(default_factory=list)
