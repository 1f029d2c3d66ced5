"""Texts only the Discord frontend shows: acknowledgements, captions, cancel replies."""

from __future__ import annotations


def accepted_text(url: str) -> str:
    """The first text of a status message, sent the moment a request is accepted."""
    return f"⏳ Got it — queuing <{url}>…"


def upload_caption(url: str, requester_id: int, part: int, parts: int) -> str:
    """The text above a batch of files; the source link stays visible (without an embed)."""
    counter = f" ({part}/{parts})" if parts > 1 else ""
    mention = f"<@{requester_id}> " if requester_id else ""
    return f"📎 {mention}here is <{url}>{counter}"


def cancelled_text(job_id: str, url: str, by_other: bool) -> str:
    """Answer to a successful cancel (command or button)."""
    whose = " (someone else's job)" if by_other else ""
    return f"🛑 Cancelled job `{job_id}`{whose}: <{url}>"


def deleted_text(job_id: str, count: int) -> str:
    """Answer to a click on Delete: the job's posts were removed."""
    posts = "1 message" if count == 1 else f"{count} messages"
    return f"🗑️ Deleted {posts} of job `{job_id}`."
