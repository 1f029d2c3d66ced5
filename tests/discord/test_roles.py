"""Bot roles from Discord roles, and who may use what."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.discord.roles import authorize, best_role, bot_roles, may_use
from bossbot.errors import NotAllowed
from bossbot.messages import render_error
from bossbot.spec import load_spec

SPEC = load_spec(Path(__file__).resolve().parents[2] / "commands.toml", ACTIONS)


def test_everyone_holds_the_default_role() -> None:
    assert bot_roles(SPEC, []) == {"everyone"}


def test_discord_role_name_matches_case_insensitively() -> None:
    assert bot_roles(SPEC, [(11, "moderator")]) == {"everyone", "moderator"}


def test_discord_role_id_matches(mocker) -> None:
    spec = SPEC.model_copy(deep=True)
    spec.roles["trusted"].discord_roles.append("4242")
    assert "trusted" in bot_roles(spec, [(4242, "")])


def test_best_role_is_the_highest_priority() -> None:
    assert best_role(SPEC, frozenset({"everyone", "trusted", "moderator"})) == "moderator"


def test_restricted_command_denies_with_the_roles_that_would_do(snapshot) -> None:
    command = SPEC.commands["health"].model_copy(update={"roles": ["moderator", "trusted"]})
    assert may_use(command, frozenset({"everyone", "trusted"}))
    with pytest.raises(NotAllowed) as caught:
        authorize(SPEC, "health", command, frozenset({"everyone"}))
    assert caught.value.data["roles"] == ["Moderator", "Admin", "Trusted", "Booster"]
    assert render_error(caught.value, prefix="$") == snapshot
