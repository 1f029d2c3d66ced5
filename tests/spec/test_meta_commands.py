"""Meta-tests over every declared command, like a reviewer's checklist."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.spec import load_spec

SPEC = load_spec(Path(__file__).resolve().parents[2] / "commands.toml", ACTIONS)
NAMES = sorted(SPEC.commands)


def test_names_and_aliases_are_unique() -> None:
    words = [w for name, cmd in SPEC.commands.items() for w in (name, *cmd.aliases)]
    assert len(words) == len(set(words))


@pytest.mark.parametrize("name", NAMES)
def test_command_has_help_usage_and_examples(name: str) -> None:
    command = SPEC.commands[name]
    assert command.help.strip()
    assert command.summary.strip()
    assert command.usage.split()[0] == name
    assert all(example.split()[0] == name for example in command.examples)


@pytest.mark.parametrize("name", NAMES)
def test_command_names_a_registered_action(name: str) -> None:
    assert SPEC.commands[name].action in ACTIONS
