"""Every user-facing text lives in this package, each one locked by a snapshot test."""

from bossbot.messages.errors import KINDS, render_error

__all__ = ["KINDS", "render_error"]
