"""URL policy, routing and the yt-dlp / gallery-dl runners."""

from bossbot.fetch.addresses import check_host, is_public
from bossbot.fetch.base import Fetcher, FetchRequest, Progress, ProgressCallback
from bossbot.fetch.gallery import GalleryDlFetcher
from bossbot.fetch.redirects import resolve
from bossbot.fetch.router import route
from bossbot.fetch.service import fetch_media
from bossbot.fetch.urls import check_url
from bossbot.fetch.ytdlp import YtDlpFetcher
from bossbot.media.names import sanitize_filename

__all__ = [
    "FetchRequest",
    "Fetcher",
    "GalleryDlFetcher",
    "Progress",
    "ProgressCallback",
    "YtDlpFetcher",
    "check_host",
    "check_url",
    "fetch_media",
    "is_public",
    "resolve",
    "route",
    "sanitize_filename",
]
