"""The yt-dlp runner."""

from bossbot.fetch.ytdlp.runner import YtDlpFetcher

__all__ = ["YtDlpFetcher"]
