"""The result as members see it: the caption above the files, and the status naming its job."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from bossbot.media.info import MediaInfo

TITLE, UPLOADER, LABEL = 150, 60, 80  # characters shown of each
LONG_URL = 1500  # a longer link is shown shortened in a caption (which must stay under 2000)
CHANGES = 3  # lines on what fitting did, at most, under a caption
JUMP = "https://discord.com/channels/{guild}/{channel}/{message}"
_MARKDOWN = re.compile(r"([\\*_~|`>\[\]<:])")


def one_line(text: str, limit: int) -> str:
    """``text`` on one line, cut after a word to at most ``limit`` characters (``…`` added)."""
    line = " ".join(text.split())
    if len(line) > limit:
        line = line[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"
    return line


def plain(text: str, limit: int) -> str:
    """Someone else's text shown as it is: one line, at most ``limit`` characters, no markdown.

    Escaping keeps a title from formatting the message, masking a link or showing a mention.
    """
    return _MARKDOWN.sub(r"\\\1", one_line(text, limit))


def clock(seconds: float) -> str:
    """``0:07``, ``3:33``, ``1:02:03``: a length as video players show it."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def short_link(url: str, limit: int = LABEL) -> str:
    """``<https://…>`` (no embed) when short, else host and path cut to ``limit``, as text."""
    if len(url) <= limit:
        return f"<{url}>"
    parts = urlsplit(url)
    return plain(f"{parts.hostname or ''}{parts.path}", min(limit, LABEL))


def headline(info: MediaInfo) -> str:
    """The title, else the post's text; empty when the extractor said neither."""
    return plain(info.title or info.description, TITLE)


def veiled(text: str, hidden: bool) -> str:
    """``text`` as a spoiler when the member hid the link (``||text||``), else as it is."""
    return f"||{text}||" if hidden and text else text


def changes(notes: list[str]) -> str:
    """What fitting did to a batch's files, one small line per kind of change.

    The same change to several files is said once with their count; at most
    ``CHANGES`` lines, then how many more.
    """
    counted = Counter(note for note in notes if note)
    lines = [f"-# {note}" + (f" ({n} files)" if n > 1 else "") for note, n in counted.items()]
    if len(lines) > CHANGES:
        lines = [*lines[:CHANGES], f"-# …and {len(lines) - CHANGES} more changes"]
    return "".join(f"\n{line}" for line in lines)


def caption(
    url: str, info: MediaInfo, part: int = 1, parts: int = 1, *, hidden: bool = False,
    notes: list[str] | None = None,
) -> str:  # fmt: skip
    """The text above a batch of files: what it is, by whom, how long, and its link.

    ``📎 **Title** · Uploader · 3:33`` over ``<link>`` (its embed suppressed) and ``1/2``
    when the files take several messages, then what fitting did to these files
    (``notes``); all behind spoilers when the member ``hidden`` the link. Nobody is
    mentioned.
    """
    facts = [f"**{title}**" if (title := headline(info)) else ""]
    facts += [plain(info.uploader, UPLOADER), clock(info.duration) if info.duration else ""]
    first = veiled(" · ".join(fact for fact in facts if fact), hidden)
    link = veiled(short_link(info.webpage_url or url, LONG_URL), hidden)
    counter = f" · {part}/{parts}" if parts > 1 else ""
    text = f"📎 {first}\n{link}{counter}" if first else f"📎 {link}{counter}"
    return text + changes(notes or [])


def label(url: str, info: MediaInfo, limit: int = LABEL, *, hidden: bool = False) -> str:
    """How a job is named in lists and status messages: its title once known, else its link."""
    return veiled(plain(info.title, limit) if info.title else short_link(url, limit), hidden)


def named(text: str, url: str, info: MediaInfo, *, hidden: bool = False) -> str:
    """A status text with a small line under it naming the job (Discord's ``-#`` subtext)."""
    return f"{text}\n-# {label(url, info, hidden=hidden)}"


def posted_text(count: int, guild: int | None, channel: int | None, message: int | None) -> str:
    """The final status: how many files, and a link that jumps to the post carrying them."""
    files = "1 file" if count == 1 else f"{count} files"
    if not (guild and channel and message):
        return f"✅ Done: {files}."
    return f"✅ Posted {files}: {JUMP.format(guild=guild, channel=channel, message=message)}"
