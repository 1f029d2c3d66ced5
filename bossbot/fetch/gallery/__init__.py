"""The gallery-dl runner (imports gallery-dl: worker processes only)."""

from bossbot.fetch.gallery.runner import download

__all__ = ["download"]
