"""Words for people: Discord roles as members see them, and the refusals that name them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from bossbot.spec import Spec


def spoken(items: Sequence[str], word: str = "or") -> str:
    """``A``, ``A or B``, ``A, B or C``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def discord_roles(spec: Spec, names: Iterable[str]) -> list[str]:
    """The Discord roles (names or ids, as configured) that grant any of the bot roles."""
    seen: dict[str, str] = {}
    for entry in (entry for name in names for entry in spec.roles[name].discord_roles):
        seen.setdefault(entry.casefold(), entry)
    return list(seen.values())


def role_phrase(entries: Sequence[str]) -> str:
    """``the **Moderator** role``, ``one of the roles **A**, **B** or **C**``.

    A role given by id is a role mention, which Discord shows as the role's name (the
    bot's messages ping nobody).
    """
    shown = [f"<@&{entry}>" if entry.isdigit() else f"**{entry}**" for entry in entries]
    if len(shown) <= 2:
        return f"the {spoken(shown)} role"
    return f"one of the roles {spoken(shown)}"


def _not_allowed(data: dict[str, Any]) -> str:
    """A member lacks every role that may use the command."""
    command = f"`{data.get('prefix', '')}{data.get('command', '?')}`"
    roles = list(data.get("roles") or ())
    if not roles:
        return f"🚫 {command} is not open to any role here yet; ask a server admin."
    return f"🚫 You need {role_phrase(roles)} to use {command}."


def _not_yours(data: dict[str, Any]) -> str:
    """Someone else's job: who may act on it instead."""
    roles = list(data.get("roles") or ())
    others = f" or someone with {role_phrase(roles)}" if roles else ""
    action = data.get("action", "do that")
    return (
        f"🚫 Job `{data.get('job', '?')}` belongs to someone else; only its requester"
        f"{others} can {action}."
    )


ENDED = {"done": "its files were posted", "failed": "it failed", "cancelled": "it was cancelled"}


def _already_finished(data: dict[str, Any]) -> str:
    """The job has ended: how."""
    how = ENDED.get(str(data.get("state")), "it is over")
    return f"🏁 Job `{data.get('job', '?')}` has already ended: {how}. Nothing to cancel."


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "not_allowed": _not_allowed,
    "not_yours": _not_yours,
    "already_finished": _already_finished,
}
"""Error kinds whose message names roles or states in words (see messages.errors)."""
