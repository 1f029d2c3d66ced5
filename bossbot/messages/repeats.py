"""What members read when a link was posted here lately (the cache of repeat links)."""

from __future__ import annotations

from bossbot.messages.results import JUMP


def jump(guild: int, channel: int, message: int) -> str:
    """The link that opens a message in Discord."""
    return JUMP.format(guild=guild, channel=channel, message=message)


def already_posted_text(posted_at: float, guild: int, channel: int, message: int) -> str:
    """The answer to a link posted here lately: when, and a link to that post.

    ``<t:…:R>`` is shown by Discord in each reader's words ("10 minutes ago").
    """
    return (
        f"♻️ Already posted here <t:{int(posted_at)}:R>: {jump(guild, channel, message)}\n"
        f"-# Add `--fresh` to download it again."
    )


REASONS = {
    "gone": "the earlier post was deleted",
    "elsewhere": "the earlier post is in another channel",
}


def reposted_note(posted_at: float, reason: str) -> str:
    """The small line under a caption whose files come from the cache, not a new download."""
    return f"\n-# ♻️ Posted before <t:{int(posted_at)}:R>; {REASONS[reason]}, so here it is again."


def reposting_text(posted_at: float) -> str:
    """A slash command's first answer while cached files are posted again (within 3 s)."""
    return f"♻️ Posted here before <t:{int(posted_at)}:R>; posting it again from the cache…"


def reposted_text(guild: int, channel: int, message: int) -> str:
    """The answer to a slash command whose files were posted again from the cache."""
    return f"♻️ Posted again from the cache: {jump(guild, channel, message)}"
