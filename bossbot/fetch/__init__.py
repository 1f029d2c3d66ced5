"""URL policy, routing and the downloaders (which run inside worker processes).

Importing this package stays cheap: the bot process imports it for URL checks and routing,
never the downloaders themselves (``bossbot.fetch.service`` and below import yt-dlp and
gallery-dl, and only worker processes import them).
"""

from bossbot.fetch.base import FetchRequest, Progress, ProgressCallback, Report, Runner
from bossbot.fetch.router import route
from bossbot.fetch.urls import check_url

__all__ = [
    "FetchRequest",
    "Progress",
    "ProgressCallback",
    "Report",
    "Runner",
    "check_url",
    "route",
]
