"""What an HTTP status or an error text means in our error taxonomy (both downloaders)."""

from __future__ import annotations

from bossbot.errors import BossError, LoginRequired, NetworkError, NotFound, RateLimited, SiteDown

LOGIN_WORDS = ("login", "log in", "sign in", "private", "cookies", "authenticat", "members only")
NETWORK_WORDS = (
    "timed out",
    "timeout",
    "connection",
    "reset by peer",
    "refused",
    "bytes read",
    "more expected",
    "incomplete",
    "unreachable",
    "name resolution",
    "temporary failure",
    "ssl",
    "remote end closed",
)


def from_status(status: int, detail: str) -> BossError | None:
    """The domain error for an HTTP error status, or None for other statuses."""
    if status in (404, 410):
        return NotFound(detail)
    if status in (401, 403):
        return LoginRequired(detail)
    if status == 429:
        return RateLimited(detail)
    if status >= 500:
        return SiteDown(detail)
    return None


def from_text(text: str, detail: str) -> BossError | None:
    """The domain error that words in an error text point to (login, network), or None."""
    lowered = text.lower()
    if any(word in lowered for word in LOGIN_WORDS):
        return LoginRequired(detail)
    if any(word in lowered for word in NETWORK_WORDS):
        return NetworkError(detail)
    return None
