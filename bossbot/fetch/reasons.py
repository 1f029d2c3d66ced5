"""Why a download failed, from what the site or the tool said (both downloaders).

Only a network fault, a server error (5xx), a rate limit (429) or a timeout is worth a
retry; every other reason is permanent, an unknown one included. The phrases are the
tools' own (tests find each in the installed yt-dlp and gallery-dl, so a release that
rewords them is noticed).
"""

from __future__ import annotations

from bossbot import errors
from bossbot.errors import BossError

RULES: tuple[tuple[type[BossError], tuple[str, ...]], ...] = (
    (errors.GeoBlocked, ("not available in your country", "not available from your location",
                         "geo restriction", "geo-restricted", "in your region")),
    (errors.AgeRestricted, ("confirm your age", "age-restricted", "age restricted", "age-gate",
                            "age gate", "nsfw", "sensitive content", "mature content",
                            "inappropriate for some users", "adult content")),
    (errors.LoginRequired, ("video is private", "private video", "account is private",
                            "private account", "protected tweet", "login required", "log in",
                            "sign in", "registered users", "subscription", "premium members",
                            "account credentials required", "insufficient privileges",
                            "--cookies", "authentication", "members only")),
    (errors.Unavailable, ("video unavailable", "has been removed", "no longer available",
                          "has been deleted", "was deleted", "been terminated",
                          "content is not available", "could not be found", "has expired")),
    (errors.NoMedia, ("no video", "no media", "requested format is not available",
                      "does not have a video", "does not contain", "no active streams",
                      "not currently live", "has not yet started")),
    (errors.Unsupported, ("unsupported url",)),
    (errors.NetworkError, ("timed out", "timeout", "connection", "reset by peer", "refused",
                           "bytes read", "more expected", "incomplete", "unreachable",
                           "name resolution", "temporary failure", "ssl", "remote end closed",
                           "tunnel")),
)  # fmt: skip
SITE_CHANGED = ("please report this issue", "unable to extract", "unexpected api response")


def from_status(status: int, detail: str) -> BossError | None:
    """The error an HTTP error status means, or None for other statuses."""
    if status in (404, 410):
        return errors.NotFound(detail)
    if status in (401, 403):
        return errors.LoginRequired(detail)
    if status == 429:
        return errors.RateLimited(detail)
    if status >= 500:
        return errors.SiteDown(detail)
    return None


def from_text(text: str, detail: str) -> BossError | None:
    """The error the words of ``text`` point to, or None when none does."""
    lowered = text.lower()
    for kind, phrases in RULES:
        if any(phrase in lowered for phrase in phrases):
            return kind(detail)
    if any(phrase in lowered for phrase in SITE_CHANGED):
        return errors.SiteChanged(detail)
    return None


def judged(text: str, detail: str) -> BossError:
    """``from_text``, or a permanent "download failed" for what nothing explains."""
    return from_text(text, detail) or errors.DownloadFailed(detail)
