"""Texts only the Discord frontend shows: acknowledgements, link notes, button replies."""

from __future__ import annotations

from collections.abc import Sequence

from bossbot.messages.people import spoken
from bossbot.messages.results import one_line, veiled

SHOWN = 3  # words quoted in a note; the rest are counted


def accepted_text(url: str, *, hidden: bool = False) -> str:
    """The first text of a status message, sent the moment a request is accepted."""
    return f"⏳ Got it — queuing {veiled(f'<{url}>', hidden)}…"


def cancelled_text(job_id: str, url: str, by_other: bool) -> str:
    """Answer to a successful cancel (command or button)."""
    whose = " (someone else's job)" if by_other else ""
    return f"🛑 Cancelled job `{job_id}`{whose}: <{url}>"


def deleted_text(job_id: str, count: int) -> str:
    """Answer to a click on Delete: the job's posts were removed."""
    posts = "1 message" if count == 1 else f"{count} messages"
    return f"🗑️ Deleted {posts} of job `{job_id}`."


def _quoted(words: Sequence[str]) -> str:
    """```a```, ```a`` and ``b```, ```a``, ``b``, ``c`` and 2 more``."""
    shown = [f"`{one_line(word, 60)}`" for word in words[:SHOWN]]
    if len(words) > SHOWN:
        shown.append(f"{len(words) - SHOWN} more")
    return spoken(shown, "and")


def no_link_text(example: str, skipped: Sequence[str]) -> str:
    """Answer to a download command whose text holds no link to fetch."""
    if not skipped:
        why = "I found no link in that."
    else:
        what = "is not a web address" if len(skipped) == 1 else "are not web addresses"
        why = f"I found no link I can fetch: {_quoted(skipped)} {what} I know."
    return f"🔗 {why} Send the full address, for example `{example}`."


def skipped_text(skipped: Sequence[str]) -> str:
    """The one note after the links of a message were queued: what was left out, and why."""
    what = "it is not a web address" if len(skipped) == 1 else "they are not web addresses"
    return f"🔗 I left out {_quoted(skipped)}: {what} I know (send the full `https://` address)."


def expired_text() -> str:
    """Answer to a click on a post's button after its declared time."""
    return "⌛ These buttons have expired. Send the link again to fetch it anew."


def slow_text(url: str, job_id: str, *, hidden: bool = False) -> str:
    """The short status of an auto-detected link that takes a while (it is then kept current)."""
    return f"⏳ Still working on {veiled(f'<{url}>', hidden)} (job `{job_id}`)…"
