"""The yt-dlp runner (imports yt-dlp: worker processes only)."""

from bossbot.fetch.ytdlp.runner import download

__all__ = ["download"]
