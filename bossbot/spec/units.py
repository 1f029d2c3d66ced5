"""Byte sizes written the way people write them: ``"10MiB"``, ``"50 MB"`` or a plain int."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator

_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")


def parse_size(value: object) -> int:
    """Turn ``"10MiB"``, ``"1.5 GB"`` or ``1024`` into a number of bytes.

    Raises:
        ValueError: For anything else, with the accepted forms in the text.
    """
    if isinstance(value, bool):
        raise ValueError("expected a size such as 10MiB or 50MB")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("a size cannot be negative")
        return value
    match = _PATTERN.match(value) if isinstance(value, str) else None
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError("expected a size such as 10MiB, 50MB or a number of bytes")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def format_size(size: float) -> str:
    """Render bytes for people: ``10 MiB``, ``1.5 GiB``, ``512 B``."""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(value) < 1024 or unit == "GiB":
            text = f"{value:.1f}".removesuffix(".0") if unit != "B" else f"{int(value)}"
            return f"{text} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


ByteSize = Annotated[int, BeforeValidator(parse_size)]

_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86_400}


def parse_duration(value: object) -> float:
    """Turn ``"24h"``, ``"30m"``, ``"7d"``, ``"90s"`` or a number of seconds into seconds.

    Raises:
        ValueError: For anything else, with the accepted forms in the text.
    """
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    match = _PATTERN.match(value) if isinstance(value, str) else None
    if not match or match.group(2).lower() not in _SECONDS:
        raise ValueError("expected a duration such as 24h, 30m, 7d or a number of seconds")
    return float(match.group(1)) * _SECONDS[match.group(2).lower()]


Duration = Annotated[float, BeforeValidator(parse_duration)]
