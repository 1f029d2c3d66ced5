"""Who asked for a download, what they asked for, and where its answers go."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, kw_only=True)
class Requested:
    """Who asked for a download and where its answers go: shared by request and job.

    Attributes:
        url: The URL to download (the fetch layer applies the URL policy).
        command: Command name that created the job (``dlt``, ``fetch``...).
        site: Site group name, when the frontend already routed the URL.
        requester_id: Discord user id (0 on the command line), ``requester_name`` and
            ``requester_roles``; ``role`` the bot role (``spec.roles`` key) resolved from
            them and ``priority`` its priority (higher runs first).
        guild_id: Where the request came from; ``channel_id`` is where to deliver,
            ``source_message_id`` the prefix command's message, ``interaction_id`` and
            ``interaction_token`` (secret, dropped when the job ends) a slash command's,
            valid until ``token_expires_at`` (epoch seconds); ``status_message_id`` the
            message the frontend edits with progress.
        spoiler: Post the files as spoilers; ``audio``: audio only; ``quality``: the
            tallest video height wanted (None: the best that fits); ``fresh``: download
            again even when the same media was posted here lately.
    """

    url: str
    command: str = ""
    site: str = ""
    requester_id: int = 0
    requester_name: str = ""
    requester_roles: list[str] = field(default_factory=list)
    role: str = ""
    priority: int = 0
    guild_id: int | None = None
    channel_id: int | None = None
    source_message_id: int | None = None
    interaction_id: int | None = None
    interaction_token: str | None = field(default=None, repr=False)
    token_expires_at: float | None = None
    status_message_id: int | None = None
    spoiler: bool = False
    audio: bool = False
    quality: int | None = None
    fresh: bool = False
