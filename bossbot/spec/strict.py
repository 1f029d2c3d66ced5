"""The base of every table model of ``commands.toml``, and the shape of a name."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationInfo

NAME = r"^[a-z0-9_-]{1,32}$"
"""A command, option, role or site group name (Discord's rule for command names)."""


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in the file is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def not_below(value: float, info: ValidationInfo, low_field: str) -> float:
    """``value`` (an upper bound) unless it is below the table's ``low_field``, already read.

    Raises:
        ValueError: It is below (pydantic reports it as that key's error).
    """
    low = info.data.get(low_field)
    if low is not None and value < low:
        raise ValueError(f"must be at least {low_field} ({low:g})")
    return value
