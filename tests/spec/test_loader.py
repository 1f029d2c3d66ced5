"""commands.toml loading: the shipped file is valid; broken files name every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.spec import SpecError, load_spec, parse_spec

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = (ROOT / "commands.toml").read_text(encoding="utf-8")


def broken(old: str, new: str) -> str:
    """The shipped file with one piece of text replaced (which must exist)."""
    assert old in SHIPPED
    return SHIPPED.replace(old, new, 1)


BROKEN = {
    "not toml": "prefix = ",
    "unknown key": broken('usage = "health"', 'usage = "health"\nusge = "x"'),
    "missing summary": broken('summary = "Show whether the bot is healthy"\n', ""),
    "negative limit": broken("max_queue = 50", "max_queue = -1"),
    "bad size": broken('max_file_size = "50MiB"', 'max_file_size = "fifty"'),
    "unknown action": broken('action = "health"', 'action = "explode"'),
    "duplicate alias": broken('aliases = ["status", "ping"]', 'aliases = ["h", "ping"]'),
    "unknown role": broken('aliases = ["status", "ping"]', 'aliases = ["status"]\nroles = ["vip"]'),
    "two defaults": broken("[roles.trusted]\n", "[roles.trusted]\ndefault = true\n"),
    "bad name": broken("[commands.health]", "[commands.Health]"),
    "summary too long": broken("Show whether the bot is healthy", "x" * 101),
    "unknown site": broken(
        'aliases = ["status", "ping"]', 'aliases = ["status"]\nsites = ["mars"]'
    ),
    "fit unknown key": broken("passes = 3", "passes = 3\nmax_passes = 4"),
    "fit unknown preset": broken('preset = "veryfast"', 'preset = "ludicrous"'),
    "fit audio bounds reversed": broken("audio_max_kbps = 128", "audio_max_kbps = 16"),
    "fit no threads": broken("threads = 2", "threads = 0"),
    "fit switch not a bool": broken("enabled = true", 'enabled = "sometimes"'),
    "message total not a size": broken('message_total = "25MiB"', 'message_total = "lots"'),
    "results buttons for no time": broken("buttons_for = 900", "buttons_for = 0"),
    "hints similarity over 1": broken("similarity = 0.75", "similarity = 2"),
    "hints unknown key": broken("cooldown = 60", "cooldown = 60\ncooldwn = 5"),
    "required option after a rest option": broken(
        'description = "Post the files as spoilers (or wrap a link in ||…||)"\n',
        'description = "Post the files as spoilers (or wrap a link in ||…||)"\nrequired = true\n',
    ),
    "choices of another type": broken("choices = [360, 480, 720, 1080]", 'choices = [360, "HD"]'),
    "choices on a boolean": broken(
        'description = "Post only the sound, as an audio file"\n',
        'description = "Post only the sound, as an audio file"\nchoices = ["yes"]\n',
    ),
    "optional before required": broken(
        "autocomplete = false\n",
        'autocomplete = false\n\n[[commands.help.options]]\nname = "x"\ndescription = "y"\n'
        "required = true\n",
    ),
}


def test_shipped_commands_file_is_valid() -> None:
    spec = load_spec(ROOT / "commands.toml", ACTIONS)
    assert spec.prefix == "$"
    assert {"help", "health"} <= set(spec.commands)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_reports_exact_errors(case: str, snapshot) -> None:
    with pytest.raises(SpecError) as caught:
        parse_spec(BROKEN[case], Path("commands.toml"), ACTIONS)
    assert caught.value.problems == snapshot


def test_every_problem_is_reported_at_once() -> None:
    text = broken("max_queue = 50", "max_queue = 0").replace("attempts = 3", "attempts = 99")
    with pytest.raises(SpecError) as caught:
        parse_spec(text, Path("commands.toml"), ACTIONS)
    assert len(caught.value.problems) == 2


def test_unreadable_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="cannot read the commands file"):
        load_spec(tmp_path / "missing.toml", ACTIONS)


def test_field_and_cross_table_errors_come_together() -> None:
    text = broken("max_queue = 50", "max_queue = 0")
    text = text.replace('aliases = ["status", "ping"]', 'aliases = ["h"]\nroles = ["vip"]')
    with pytest.raises(SpecError) as caught:
        parse_spec(text, Path("commands.toml"), ACTIONS)
    kinds = [problem.split(": ", 2)[-1] for problem in caught.value.problems]
    assert kinds == [
        "Input should be greater than or equal to 1",
        "'h' is already used by [commands.help]",
        "unknown role 'vip'",
    ]
