"""The gallery-dl runner."""

from bossbot.fetch.gallery.runner import GalleryDlFetcher

__all__ = ["GalleryDlFetcher"]
