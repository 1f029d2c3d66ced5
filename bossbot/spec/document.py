"""The whole spec, with the checks that span several tables."""

from __future__ import annotations

from pydantic import Field

from bossbot.spec.auto import Auto, ServerSettings
from bossbot.spec.cache import Cache
from bossbot.spec.fit import Fit
from bossbot.spec.models import Budgets, Command, Limits, Role, SiteGroup, Strict, Upload
from bossbot.spec.presentation import Hints, Results


class Spec(Strict):
    """Everything ``commands.toml`` declares."""

    prefix: str = Field("$", min_length=1, max_length=5, pattern=r"^\S+$")
    limits: Limits = Limits()
    budgets: Budgets = Budgets()
    upload: Upload
    fit: Fit = Fit()
    results: Results = Results()
    hints: Hints = Hints()
    auto: Auto = Auto()
    server_settings: ServerSettings = ServerSettings()
    cache: Cache = Cache()
    roles: dict[str, Role] = Field(min_length=1)
    sites: dict[str, SiteGroup] = Field(default_factory=dict)
    commands: dict[str, Command] = Field(min_length=1)

    @property
    def default_role(self) -> str:
        """Name of the role everyone holds."""
        return next(name for name, role in self.roles.items() if role.default)

    @property
    def named_hosts(self) -> list[str]:
        """Every host the site groups name (not ``*``): their bare links need no scheme."""
        return [host for group in self.sites.values() for host in group.hosts if host != "*"]

    def find(self, word: str) -> tuple[str, Command] | None:
        """Return ``(name, command)`` for a command name or alias, or None."""
        for name, cmd in self.commands.items():
            if word == name or word in cmd.aliases:
                return name, cmd
        return None
