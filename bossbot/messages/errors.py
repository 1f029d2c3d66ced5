"""The one user message of each domain error: what happened, and what to do."""

from __future__ import annotations

from typing import Any

from bossbot.errors import BossError
from bossbot.messages.fit import RENDERERS as FIT
from bossbot.messages.people import RENDERERS as PEOPLE
from bossbot.messages.sites import RENDERERS as SITES
from bossbot.spec.units import format_size

_TEMPLATES: dict[str, str] = {
    "invalid_url": "❌ That is not a link I can fetch. Send a full `http://` or `https://` URL.",
    "unsupported": "❌ I can't download from that site. Try a direct link to the media file.",
    "wrong_command": "↪️ `{prefix}{used}` doesn't take links to {site}; use `{prefix}{command}` "
    "instead.",
    "private_address": "⛔ That link points to a private or local address, which I don't fetch.",
    "too_large": "📦 `{name}` is {size_text}, over the {limit_text} limit here. "
    "Try a shorter clip or a lower quality.",
    "upload_refused": "📦 Discord refused `{name}` ({size_text}) as too large for this server. "
    "Try a shorter clip or a lower quality.",
    "not_found": "🔍 Nothing is there: the post or file was not found. Check the link.",
    "no_media": "🔍 I found no video or image at that link.",
    "bad_media": "🚫 `{name}` is not a media file I can post (empty or of a disallowed type).",
    "too_many_urls": "✋ At most {limit} links per message; send the rest separately.",
    "rate_limited": "⏳ The site is limiting requests right now. Try again later.",
    "site_down": "🌩️ The site is having trouble (server error). Try again in a few minutes.",
    "network": "🌐 The connection to the site failed. Try again in a few minutes.",
    "timeout": "⌛ The download took too long and was stopped. Try a shorter clip.",
    "discord_busy": "⏳ Discord kept refusing my uploads (rate limit or server error). "
    "Try again in a few minutes.",
    "upload_timeout": "⌛ Posting the files to Discord took too long and was stopped. "
    "Try again in a few minutes.",
    "files_lost": "🧹 The downloaded files were removed before I could post them. Try again.",
    "queue_full": "🚦 The queue is full ({limit} jobs). Try again when some have finished.",
    "user_queue_full": "🚦 You already have {limit} jobs queued. Wait for one to finish, "
    "or cancel one with `{prefix}dlc`.",
    "cancelled": "🛑 Cancelled.",
    "no_job": "🤷 You have no job to cancel.",
    "unknown_job": "🤷 There is no job `{job}` here. `{prefix}dlq` lists the queue.",
    "missing_permission": "🔐 I lack the **{permission}** permission in this channel. "
    "Ask a server admin to grant it.",
    "too_much_data": "📦 That link made me read more than {limit_text} without finding media "
    "that fits, so I stopped. Try a direct link to the file.",
    "too_many_requests": "📦 That link needed more than {limit} requests, so I stopped. "
    "Try a direct link to the file.",
    "too_slow": "🐢 The site sent less than {rate_text}/s for {window} s, so I stopped. "
    "Try again later, or another source.",
    "worker_memory": "🧠 Handling that link took more than {limit_text} of memory, so I "
    "stopped it. Try a smaller file.",
    "worker_crashed": "💥 The download process stopped unexpectedly. It has been logged; "
    "try again later.",
    "internal": "💥 Something went wrong on my side. It has been logged; try again later.",
}


def _format_sizes(data: dict[str, Any]) -> dict[str, Any]:
    """Add ``*_text`` renderings of byte counts found in the data."""
    extra = {f"{k}_text": format_size(v) for k, v in data.items() if k in ("size", "limit", "rate")}
    return {**data, **extra}


class _Defaults(dict[str, Any]):
    """Format mapping that shows ``?`` for a missing field instead of raising."""

    def __missing__(self, key: str) -> str:
        return "?"


RENDERERS = {**FIT, **PEOPLE, **SITES}


def render_error(error: BossError, **context: Any) -> str:
    """Return the user message for ``error``; ``context`` adds e.g. ``prefix``."""
    if error.kind in RENDERERS:
        return RENDERERS[error.kind]({**context, **error.data})
    template = _TEMPLATES.get(error.kind, _TEMPLATES["internal"])
    return template.format_map(_Defaults(_format_sizes({**context, **error.data})))


KINDS: tuple[str, ...] = (*_TEMPLATES, *RENDERERS)
