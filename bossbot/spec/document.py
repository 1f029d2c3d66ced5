"""The whole spec, with the checks that span several tables."""

from __future__ import annotations

import re

from pydantic import Field

from bossbot.spec.models import NAME, Command, Limits, Role, SiteGroup, Strict, Upload

Loc = tuple[str, ...]


class Spec(Strict):
    """Everything ``commands.toml`` declares."""

    prefix: str = Field("$", min_length=1, max_length=5, pattern=r"^\S+$")
    limits: Limits = Limits()
    upload: Upload
    roles: dict[str, Role] = Field(min_length=1)
    sites: dict[str, SiteGroup] = Field(default_factory=dict)
    commands: dict[str, Command] = Field(min_length=1)

    @property
    def default_role(self) -> str:
        """Name of the role everyone holds."""
        return next(name for name, role in self.roles.items() if role.default)

    def find(self, word: str) -> tuple[str, Command] | None:
        """Return ``(name, command)`` for a command name or alias, or None."""
        for name, cmd in self.commands.items():
            if word == name or word in cmd.aliases:
                return name, cmd
        return None


def cross_check(spec: Spec) -> list[tuple[Loc, str]]:
    """Problems no single table can see: roles, names, aliases, sites, option order."""
    problems: list[tuple[Loc, str]] = []
    defaults = [name for name, role in spec.roles.items() if role.default]
    if len(defaults) != 1:
        where = ("roles", defaults[-1], "default") if defaults else ("roles",)
        problems.append((where, f"exactly one role needs default = true, found {len(defaults)}"))
    seen: dict[str, str] = {}
    for name, cmd in spec.commands.items():
        for word, key in [(name, "action"), *((alias, "aliases") for alias in cmd.aliases)]:
            if not re.match(NAME, word):
                problems.append((("commands", name, key), f"'{word}' must be 1-32 of a-z 0-9 _ -"))
            elif word in seen:
                problems.append(
                    (("commands", name, key), f"'{word}' is already used by {seen[word]}")
                )
            seen.setdefault(word, f"[commands.{name}]")
        problems += [
            (("commands", name, "roles"), f"unknown role '{role}'")
            for role in cmd.roles
            if role not in spec.roles
        ]
        problems += [
            (("commands", name, "sites"), f"unknown site group '{site}'")
            for site in cmd.sites
            if site not in spec.sites
        ]
        required = [opt.required for opt in cmd.options]
        if required != sorted(required, reverse=True):
            problems.append((("commands", name, "options"), "required options must come first"))
    return problems
