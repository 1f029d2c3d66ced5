"""The ``[results]`` and ``[hints]`` tables: what members see around their commands."""

from __future__ import annotations

from pydantic import Field

from bossbot.spec.models import Strict


class Results(Strict):
    """The posts that carry a job's files.

    Attributes:
        suppress_embeds: Hide the link preview of the member's message once its files are
            posted. Needs Manage Messages in the channel; skipped quietly without it.
        buttons_for: Seconds the Delete and Retry buttons stay on the posts of a job that
            ended done; they are removed afterwards.
    """

    suppress_embeds: bool = True
    buttons_for: float = Field(900.0, ge=1.0, le=7 * 86_400.0)


class Hints(Strict):
    """The answer to a prefix word that is no command (``$TSLA``, other bots' commands).

    Attributes:
        unknown_commands: A word close to a command name or alias gets a hint naming it;
            any other word gets no reply at all. False: never a reply.
        similarity: How close (0-1, the ratio of Python's difflib) a word must be.
        cooldown: Seconds between two hints to one member in one channel.
    """

    unknown_commands: bool = True
    similarity: float = Field(0.75, ge=0.5, le=1.0)
    cooldown: float = Field(60.0, ge=0.0, le=86_400.0)
