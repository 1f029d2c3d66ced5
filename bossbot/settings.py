"""Runtime settings from the environment (and a ``.env`` file in the working directory).

The variable names are part of the runtime contract in DESIGN.md; do not rename them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bossbot.dotenv import read_dotenv
from bossbot.egress.addresses import AddressPolicy
from bossbot.values import (
    DatabaseUrl,
    GuildIds,
    HostPort,
    LogLevel,
    OptionalPath,
    PrivatePolicy,
    UpstreamProxy,
)  # fmt: skip

PREFIX = "BOSSBOT_"


class SettingsError(Exception):
    """A missing or malformed setting; its text is one line meant for the operator."""


class Settings(BaseModel):
    """Validated settings; field names are the variable names without ``BOSSBOT_``."""

    model_config = ConfigDict(frozen=True)

    discord_token: str = Field(default="", repr=False)
    discord_api_url: str = "https://discord.com/api/v10"
    data_dir: Path = Path("data")
    commands_file: Path = Path("commands.toml")
    guild_ids: GuildIds = ()
    allow_private_urls: PrivatePolicy = AddressPolicy()
    egress_proxy: UpstreamProxy = ""
    log_level: LogLevel = "INFO"
    cookies_dir: OptionalPath = None
    metrics_addr: HostPort = ""
    log_dir: OptionalPath = None
    database_url: DatabaseUrl = Field(default="", repr=False)
    database_pool_size: int = Field(default=4, ge=1, le=100)

    def require_token(self) -> str:
        """Return the bot token, or raise SettingsError when it is missing."""
        if not self.discord_token.strip():
            raise SettingsError(
                f"{PREFIX}DISCORD_TOKEN is not set: put the bot token from the Discord "
                "developer portal in the environment or in .env"
            )
        return self.discord_token.strip()


def load_settings(environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> Settings:
    """Build Settings from the environment, which wins over ``.env``.

    Raises:
        SettingsError: One line naming the bad variable and what it expects.
    """
    merged = read_dotenv((cwd or Path.cwd()) / ".env")
    merged.update(os.environ if environ is None else environ)
    fields = {
        key[len(PREFIX) :].lower(): value
        for key, value in merged.items()
        if key.startswith(PREFIX) and key[len(PREFIX) :].lower() in Settings.model_fields
    }
    try:
        return Settings(**fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = f"{PREFIX}{str(err['loc'][0]).upper()}"
        reason = err["msg"].removeprefix("Value error, ")
        raise SettingsError(f"{name} is invalid: {reason}") from None
