"""What the extractor said about the media: the facts a caption and a status are made of."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FIELDS = ("title", "uploader", "duration", "webpage_url", "description")
"""The keys read from an info mapping (yt-dlp's info dict uses the same names)."""


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """Metadata of one job's media, as the fetch layer reports it; every field may be empty.

    Attributes:
        title: The video's title or the post's headline (yt-dlp ``title``).
        uploader: Who posted it (yt-dlp ``uploader``, else ``channel``; gallery-dl's
            author or user name).
        duration: Length in seconds, for video and audio.
        webpage_url: The page the media came from (the canonical link, after redirects).
        description: The post's text, shown when there is no title.
    """

    title: str = ""
    uploader: str = ""
    duration: float | None = None
    webpage_url: str = ""
    description: str = ""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> MediaInfo:
        """The known fields of ``data`` (e.g. yt-dlp's info dict); others and bad types dropped."""
        data = data or {}
        text = {key: data[key].strip() for key in FIELDS if isinstance(data.get(key), str)}
        text.setdefault("uploader", str(data.get("channel") or "").strip())
        seconds = data.get("duration")
        valid = isinstance(seconds, int | float) and not isinstance(seconds, bool)
        valid = valid and math.isfinite(seconds) and seconds > 0
        return cls(**{**text, "duration": float(seconds) if valid else None})

    def to_mapping(self) -> dict[str, Any]:
        """The fields that are set, for storing with the job (JSON-safe)."""
        return {key: getattr(self, key) for key in FIELDS if getattr(self, key)}
