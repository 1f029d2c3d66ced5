"""The kinds of value a setting takes, each with its rule and its one-line complaint.

Used by :class:`bossbot.settings.Settings` as annotated field types.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.upstream import parse_upstream
from bossbot.endpoints import postgres_url, split_addr

LEVELS = frozenset({"TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"})


def _ids(value: object) -> object:
    """A comma separated list such as ``"1,2"``."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


def _policy(value: object) -> object:
    """``false``, ``true`` or a comma list of addresses and networks allowed as well."""
    if isinstance(value, bool):
        return AddressPolicy(everything=value)
    return AddressPolicy.parse(value) if isinstance(value, str) else value


def _optional(check: object) -> object:
    """A rule for a value that may also be empty (meaning "off")."""

    def rule(value: str) -> str:
        if value.strip():
            check(value)  # type: ignore[operator]
        return value.strip()

    return rule


def _database(value: str) -> str:
    """An empty value (SQLite under the data dir) or a PostgreSQL URL."""
    if not postgres_url(value):
        raise ValueError("expected postgresql://user:password@host:port/database")
    return value


def _level(value: str) -> str:
    """One of loguru's level names, any case."""
    if value.upper() not in LEVELS:
        raise ValueError(f"must be one of {', '.join(sorted(LEVELS))}")
    return value.upper()


def _unset_if_empty(value: object) -> object:
    """An empty value means "not set" (not the working directory)."""
    return None if isinstance(value, str) and not value.strip() else value


GuildIds = Annotated[tuple[int, ...], BeforeValidator(_ids)]
PrivatePolicy = Annotated[AddressPolicy, BeforeValidator(_policy)]
UpstreamProxy = Annotated[str, AfterValidator(_optional(parse_upstream))]
HostPort = Annotated[str, AfterValidator(_optional(split_addr))]
LogLevel = Annotated[str, AfterValidator(_level)]
DatabaseUrl = Annotated[str, AfterValidator(_optional(_database))]
OptionalPath = Annotated[Path | None, BeforeValidator(_unset_if_empty)]
