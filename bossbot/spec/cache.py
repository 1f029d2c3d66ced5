"""The ``[cache]`` table: repeat links answered from what was posted before."""

from __future__ import annotations

from pydantic import Field

from bossbot.spec.models import Strict
from bossbot.spec.units import ByteSize, Duration, parse_size


class Cache(Strict):
    """A link posted again in the same server within ``window`` is answered at once.

    Attributes:
        enabled: Off: every link is downloaded, nothing is kept.
        window: How long after a post its link is answered from it (``"24h"``, seconds).
        max_bytes: Bytes of files kept on disk for re-posting, at most; the least recently
            used go first, and files larger than this together are not kept.
    """

    enabled: bool = True
    window: Duration = Field(86_400.0, ge=60.0, le=30 * 86_400.0)
    max_bytes: ByteSize = Field(parse_size("2GiB"), ge=0)
