"""Who holds which bot role, and who may use which command."""

from __future__ import annotations

from collections.abc import Iterable

from bossbot.errors import NotAllowed
from bossbot.messages.people import discord_roles
from bossbot.spec import Command, Spec


def bot_roles(spec: Spec, discord_roles: Iterable[tuple[int, str]]) -> frozenset[str]:
    """Map a member's Discord roles (id, name) to the spec's bot roles.

    Everyone holds the default role; another role is held when one of the member's Discord
    roles matches an entry of its ``discord_roles`` by id or by name (case-insensitive).
    """
    held = {str(role_id) for role_id, _ in discord_roles}
    held |= {name.casefold() for _, name in discord_roles}
    names = {spec.default_role}
    for name, role in spec.roles.items():
        if any(entry.casefold() in held for entry in role.discord_roles):
            names.add(name)
    return frozenset(names)


def may_use(command: Command, roles: frozenset[str]) -> bool:
    """True when the command is open to everyone or the member holds an allowed role."""
    return not command.roles or bool(roles & set(command.roles))


def authorize(spec: Spec, name: str, command: Command, roles: frozenset[str]) -> None:
    """Raise NotAllowed (naming the Discord roles that would do) unless the member may."""
    if not may_use(command, roles):
        raise NotAllowed(command=name, roles=discord_roles(spec, command.roles))


def best_role(spec: Spec, roles: frozenset[str]) -> str:
    """The held role with the highest priority (ties: the larger size limit)."""
    return max(roles, key=lambda r: (spec.roles[r].priority, spec.roles[r].max_file_size))
