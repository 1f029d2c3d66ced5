"""Snowflakes, fixed ids of the fake world, and the bot token."""

from __future__ import annotations

import base64
import itertools
import secrets
import threading
import time
from typing import Final

DISCORD_EPOCH_MS: Final = 1_420_070_400_000

APPLICATION_ID: Final = 1_180_000_000_000_000_001
BOT_ID: Final = APPLICATION_ID
OWNER_ID: Final = 1_180_000_000_000_000_002
GUILD_ID: Final = 1_180_000_000_000_000_100
CHANNEL_ID: Final = 1_180_000_000_000_000_200
USER_ID: Final = 1_180_000_000_000_000_300
MODERATOR_ROLE_ID: Final = 1_180_000_000_000_000_401
TRUSTED_ROLE_ID: Final = 1_180_000_000_000_000_402

_counter = itertools.count(1)
_lock = threading.Lock()


def snowflake(at: float | None = None) -> int:
    """Return a new, unique, time-ordered snowflake.

    Args:
        at: Unix time the id should encode; now when omitted.

    Returns:
        A snowflake whose timestamp bits decode to ``at`` (or now).
    """
    millis = int((time.time() if at is None else at) * 1000) - DISCORD_EPOCH_MS
    with _lock:
        increment = next(_counter) & 0xFFF
    return (millis << 22) | (1 << 17) | (1 << 12) | increment


def make_token(application_id: int) -> str:
    """Build a bot token in Discord's three-segment shape.

    hikari decodes the first segment (base64 of the application id) to learn
    the application id, so it must be exact; the padding is kept so the
    segment length is a multiple of four.

    Args:
        application_id: The application (and bot user) id.

    Returns:
        A token string such as ``MTE4MDAw....Gabcde.xyz``.
    """
    head = base64.b64encode(str(application_id).encode()).decode("ascii")
    return f"{head}.G{secrets.token_urlsafe(4)}.{secrets.token_urlsafe(27)}"


def interaction_token() -> str:
    """Return a fresh, opaque interaction token."""
    return "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)
