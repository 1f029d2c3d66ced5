"""Checks that span tables, run on the raw file so they report alongside field errors."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from bossbot.spec.auto import Auto
from bossbot.spec.models import NAME

Loc = tuple[str, ...]


def _tables(data: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """The sub-tables under ``key`` (anything else is the models' to report)."""
    value = data.get(key)
    return (
        {k: v for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}
    )


def _strings(table: dict[str, Any], key: str) -> list[str]:
    """The strings of a list value (anything else is the models' to report)."""
    value = table.get(key)
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _names(name: str, cmd: dict[str, Any], seen: dict[str, str]) -> list[tuple[Loc, str]]:
    """Command name and aliases: well-formed, and used once across all commands."""
    problems: list[tuple[Loc, str]] = []
    for word, key in [
        (name, "action"),
        *((alias, "aliases") for alias in _strings(cmd, "aliases")),
    ]:
        if not re.match(NAME, word):
            problems.append((("commands", name, key), f"'{word}' must be 1-32 of a-z 0-9 _ -"))
        elif word in seen:
            problems.append((("commands", name, key), f"'{word}' is already used by {seen[word]}"))
        seen.setdefault(word, f"[commands.{name}]")
    return problems


def cross_check(data: dict[str, Any], actions: Collection[str]) -> list[tuple[Loc, str]]:
    """Roles, names, aliases, actions, sites and option order of the parsed TOML ``data``."""
    roles, sites = _tables(data, "roles"), _tables(data, "sites")
    problems: list[tuple[Loc, str]] = []
    defaults = [name for name, role in roles.items() if role.get("default") is True]
    if roles and len(defaults) != 1:
        where = ("roles", defaults[-1], "default") if defaults else ("roles",)
        problems.append((where, f"exactly one role needs default = true, found {len(defaults)}"))
    seen: dict[str, str] = {}
    for name, cmd in _tables(data, "commands").items():
        problems += _names(name, cmd, seen)
        action = cmd.get("action")
        if isinstance(action, str) and action and action not in actions:
            known = ", ".join(sorted(actions))
            problems.append(
                (("commands", name, "action"), f"unknown action '{action}' (known: {known})")
            )
        problems += [(("commands", name, "roles"), f"unknown role '{r}'")
                     for r in _strings(cmd, "roles") if r not in roles]  # fmt: skip
        problems += [(("commands", name, "sites"), f"unknown site group '{s}'")
                     for s in _strings(cmd, "sites") if s not in sites]  # fmt: skip
        options = cmd.get("options") if isinstance(cmd.get("options"), list) else []
        options = [option for option in options if isinstance(option, dict)]
        required = [bool(option.get("required")) for option in options]
        if required != sorted(required, reverse=True):
            problems.append((("commands", name, "options"), "required options must come first"))
        rest = [index for index, option in enumerate(options) if option.get("rest")]
        if rest and any(required[rest[0] + 1 :]):
            why = "an option after a rest option cannot be required (rest takes every word)"
            problems.append((("commands", name, "options"), why))
    return problems + _auto(data, sites)


def _auto(data: dict[str, Any], sites: dict[str, Any]) -> list[tuple[Loc, str]]:
    """``[auto]`` names site groups that exist; its default ones are among the choosable."""
    auto = data.get("auto") if isinstance(data.get("auto"), dict) else {}
    choosable = _strings(auto, "choosable") if "choosable" in auto else Auto().choosable
    problems: list[tuple[Loc, str]] = []
    for key in ("choosable", "sites"):
        for site in _strings(auto, key):
            if site not in sites:
                problems.append((("auto", key), f"unknown site group '{site}'"))
            elif site not in choosable:
                problems.append((("auto", key), f"'{site}' must also be in choosable"))
    return problems
