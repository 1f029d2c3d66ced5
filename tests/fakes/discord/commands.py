"""Application commands the bot synced: stored per guild (or global) with ids and versions."""

from __future__ import annotations

import re
from typing import Any

from . import ids
from .errors import ApiError, invalid_form, unknown
from .payloads import JSON

_NAME = re.compile(r"^[-_'\w]{1,32}$")
_SUB_TYPES = (1, 2)  # SUB_COMMAND, SUB_COMMAND_GROUP


def _check_options(options: list[JSON], where: str) -> None:
    if len(options) > 25:
        raise invalid_form(where, "Must be 25 or fewer in length.", "BASE_TYPE_MAX_LENGTH")
    seen_optional = False
    names: set[str] = set()
    for index, option in enumerate(options):
        here = f"{where}.{index}"
        name = option.get("name") or ""
        if not _NAME.fullmatch(name) or name != name.lower():
            raise invalid_form(
                f"{here}.name", "Command name is invalid", "APPLICATION_COMMAND_INVALID_NAME"
            )
        if name in names:
            raise invalid_form(
                f"{here}.name",
                "Option names must be unique",
                "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
            )
        names.add(name)
        if not 1 <= len(option.get("description") or "") <= 100:
            raise invalid_form(
                f"{here}.description",
                "Must be between 1 and 100 in length.",
                "BASE_TYPE_BAD_LENGTH",
            )
        if option.get("type") in _SUB_TYPES:
            _check_options(option.get("options") or [], f"{here}.options")
            continue
        if option.get("required"):
            if seen_optional:
                raise invalid_form(
                    here,
                    "Required options must be placed before non-required options",
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                )
        else:
            seen_optional = True
        if len(option.get("choices") or []) > 25:
            raise invalid_form(
                f"{here}.choices", "Must be 25 or fewer in length.", "BASE_TYPE_MAX_LENGTH"
            )


def check_command(body: JSON, where: str = "") -> None:
    """Raise Discord's 400 for a command Discord would refuse (name, description, options)."""
    prefix = f"{where}." if where else ""
    kind = body.get("type") or 1
    name = body.get("name") or ""
    lower_ok = kind != 1 or name == name.lower()
    if not (1 <= len(name) <= 32) or (kind == 1 and not _NAME.fullmatch(name)) or not lower_ok:
        raise invalid_form(
            f"{prefix}name", "Command name is invalid", "APPLICATION_COMMAND_INVALID_NAME"
        )
    if kind == 1:
        if not 1 <= len(body.get("description") or "") <= 100:
            raise invalid_form(
                f"{prefix}description",
                "Must be between 1 and 100 in length.",
                "BASE_TYPE_BAD_LENGTH",
            )
        _check_options(body.get("options") or [], f"{prefix}options")


class CommandStore:
    """Commands by scope: ``None`` for global ones, else the guild id."""

    def __init__(self, application_id: int) -> None:
        """Start with no commands for ``application_id``."""
        self._application_id = application_id
        self._scopes: dict[int | None, list[JSON]] = {}
        self.sync_count = 0

    def list(self, guild_id: int | None) -> list[JSON]:
        """Return the commands of a scope."""
        return [dict(c) for c in self._scopes.get(guild_id, [])]

    def _build(self, guild_id: int | None, body: JSON, old: JSON | None) -> JSON:
        command: dict[str, Any] = {
            "id": old["id"] if old else str(ids.snowflake()),
            "application_id": str(self._application_id),
            "version": str(ids.snowflake()),
            "default_member_permissions": (
                None
                if body.get("default_member_permissions") is None
                else str(body["default_member_permissions"])
            ),
            "type": body.get("type") or 1,
            "name": body["name"],
            "name_localizations": body.get("name_localizations"),
            "description": body.get("description") or "",
            "description_localizations": body.get("description_localizations"),
            "dm_permission": True,
            "contexts": body.get("contexts"),
            "integration_types": body.get("integration_types") or [0],
            "nsfw": bool(body.get("nsfw")),
        }
        if body.get("options"):
            command["options"] = body["options"]
        if guild_id is not None:
            command["guild_id"] = str(guild_id)
        return command

    def overwrite(self, guild_id: int | None, bodies: list[JSON]) -> list[JSON]:
        """Replace a scope's commands (bulk PUT), keeping ids of same name and type."""
        seen: set[tuple[str, int]] = set()
        for index, body in enumerate(bodies):
            check_command(body, str(index))
            key = (body["name"], body.get("type") or 1)
            if key in seen:
                raise ApiError(
                    400,
                    50035,
                    "Invalid Form Body",
                    {
                        "_errors": [
                            {
                                "code": "APPLICATION_COMMANDS_DUPLICATE_NAME",
                                "message": f"Application command names must be unique: {key[0]}",
                            }
                        ]
                    },
                )
            seen.add(key)
        old = {(c["name"], c["type"]): c for c in self._scopes.get(guild_id, [])}
        built = [self._build(guild_id, b, old.get((b["name"], b.get("type") or 1))) for b in bodies]
        self._scopes[guild_id] = built
        self.sync_count += 1
        return self.list(guild_id)

    def upsert(self, guild_id: int | None, body: JSON) -> tuple[JSON, bool]:
        """Create or replace one command (POST); True when it is new."""
        check_command(body)
        current = self._scopes.setdefault(guild_id, [])
        key = (body["name"], body.get("type") or 1)
        for index, command in enumerate(current):
            if (command["name"], command["type"]) == key:
                current[index] = self._build(guild_id, body, command)
                return dict(current[index]), False
        current.append(self._build(guild_id, body, None))
        return dict(current[-1]), True

    def get(self, guild_id: int | None, command_id: int) -> JSON:
        """Return one command, or raise 404 Unknown application command."""
        for command in self._scopes.get(guild_id, []):
            if int(command["id"]) == command_id:
                return command
        raise unknown("application command")

    def delete(self, guild_id: int | None, command_id: int) -> None:
        """Delete one command."""
        command = self.get(guild_id, command_id)
        self._scopes[guild_id].remove(command)

    def find(self, name: str, guild_id: int) -> JSON | None:
        """Return the command a user in ``guild_id`` invokes by ``name`` (guild first)."""
        for scope in (guild_id, None):
            for command in self._scopes.get(scope, []):
                if command["name"] == name and command["type"] == 1:
                    return command
        return None
