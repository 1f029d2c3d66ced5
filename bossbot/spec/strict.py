"""The base of every table model of ``commands.toml``, and the shape of a name."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

NAME = r"^[a-z0-9_-]{1,32}$"
"""A command, option, role or site group name (Discord's rule for command names)."""


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in the file is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)
