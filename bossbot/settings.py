"""Runtime settings from the environment (and a ``.env`` file in the working directory).

The variable names are part of the runtime contract in DESIGN.md; do not rename them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bossbot.dotenv import read_dotenv
from bossbot.endpoints import postgres_url, split_addr

__all__ = ["PREFIX", "Settings", "SettingsError", "load_settings", "split_addr"]

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
    guild_ids: tuple[int, ...] = ()
    allow_private_urls: bool = False
    log_level: str = "INFO"
    cookies_dir: Path | None = None
    metrics_addr: str = ""
    log_dir: Path | None = None
    database_url: str = Field(default="", repr=False)
    database_pool_size: int = Field(default=4, ge=1, le=100)

    @field_validator("guild_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept a comma separated list such as ``"1,2"``."""
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        """Accept only loguru's standard level names."""
        levels = {"TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"}
        if value.upper() not in levels:
            raise ValueError(f"must be one of {', '.join(sorted(levels))}")
        return value.upper()

    @field_validator("metrics_addr")
    @classmethod
    def _addr(cls, value: str) -> str:
        """Accept an empty value (metrics off) or ``host:port``."""
        if value.strip():
            split_addr(value)
        return value.strip()

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str) -> str:
        """Accept an empty value (SQLite under the data dir) or a PostgreSQL URL."""
        value = value.strip()
        if value and not postgres_url(value):
            raise ValueError("expected postgresql://user:password@host:port/database")
        return value

    @field_validator("log_dir", "cookies_dir", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        """An empty value means "not set" (not the working directory)."""
        return None if isinstance(value, str) and not value.strip() else value

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
