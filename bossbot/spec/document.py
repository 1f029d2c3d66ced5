"""The whole spec, with the checks that span several tables."""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from bossbot.spec.models import NAME, Command, Limits, Role, SiteGroup, Strict, Upload


class Spec(Strict):
    """Everything ``commands.toml`` declares."""

    prefix: str = Field("$", min_length=1, max_length=5, pattern=r"^\S+$")
    limits: Limits = Limits()
    upload: Upload
    roles: dict[str, Role] = Field(min_length=1)
    sites: dict[str, SiteGroup] = Field(default_factory=dict)
    commands: dict[str, Command] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_check(self) -> Spec:
        """Check what one table cannot check alone; every problem is reported at once."""
        problems: list[str] = []
        defaults = [name for name, role in self.roles.items() if role.default]
        if len(defaults) != 1:
            problems.append(f"roles: exactly one role needs default = true, found {len(defaults)}")
        seen: dict[str, str] = {}
        for name, cmd in self.commands.items():
            for word in (name, *cmd.aliases):
                if not re.match(NAME, word):
                    problems.append(f"commands.{name}: '{word}' must be 1-32 of a-z 0-9 _ -")
                elif word in seen:
                    problems.append(f"commands.{name}: '{word}' is already used by {seen[word]}")
                seen.setdefault(word, f"commands.{name}")
            problems += [
                f"commands.{name}.roles: unknown role '{role}'"
                for role in cmd.roles
                if role not in self.roles
            ]
            problems += [
                f"commands.{name}.sites: unknown site group '{site}'"
                for site in cmd.sites
                if site not in self.sites
            ]
            required = [opt.required for opt in cmd.options]
            if required != sorted(required, reverse=True):
                problems.append(f"commands.{name}.options: required options must come first")
        if problems:
            raise ValueError("\n".join(problems))
        return self

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
