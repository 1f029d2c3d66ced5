"""What a site's refusal means for the member, and what would get past it.

``site`` is the site group's description ("Instagram"); ``cookies`` is True when the bot
already sent cookies for it (then they are the thing to renew).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _site(data: dict[str, Any]) -> str:
    return str(data.get("site") or "that site")


def _cookies(data: dict[str, Any]) -> str:
    if data.get("cookies"):
        site = _site(data)
        return f"The cookies I have for {site} no longer get me in; a server admin can renew them."
    return f"A server admin can give me cookies for {_site(data)} so I can."


def login_required(data: dict[str, Any]) -> str:
    """Private, or behind a login."""
    return f"🔒 That post is private or needs a login, so I can't fetch it. {_cookies(data)}"


def age_restricted(data: dict[str, Any]) -> str:
    """Age-gated or marked NSFW."""
    return f"🔞 {_site(data)} shows that only to logged-in adults. {_cookies(data)}"


def site_changed(data: dict[str, Any]) -> str:
    """The tool no longer understands the site."""
    return (
        f"🛠️ {_site(data)} has changed and my downloader can't read it any more: the bot may "
        "need an update. It has been logged for the admin."
    )


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "login_required": login_required,
    "age_restricted": age_restricted,
    "site_changed": site_changed,
    "unavailable": lambda data: (
        "🚫 That post is no longer available: it was removed or made private. Nothing I can fetch."
    ),
    "geo_blocked": lambda data: (
        "🌍 That isn't available in the country I run in, so I can't fetch it."
    ),
    "download_failed": lambda data: (
        "❌ The download failed for a reason I don't know. It has "
        "been logged; try another link, or again later."
    ),
}
