"""The ``[cache]`` table: durations and sizes as people write them, bounds enforced."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bossbot.discord.actions import ACTIONS
from bossbot.spec import Cache, load_spec, parse_duration

SPEC = load_spec(Path(__file__).resolve().parents[2] / "commands.toml", ACTIONS)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("24h", 86_400.0), ("30m", 1800.0), ("7d", 604_800.0), ("90s", 90.0), (3600, 3600.0),
     ("1.5h", 5400.0), (" 2 H ", 7200.0)],
)  # fmt: skip
def test_durations_are_read_as_people_write_them(text: object, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", ["soon", "1w", "-1h", True, None])
def test_a_duration_that_is_none_says_which_forms_are(bad: object) -> None:
    with pytest.raises(ValueError, match="24h, 30m, 7d"):
        parse_duration(bad)


def test_the_repository_declares_a_day_and_two_gibibytes() -> None:
    assert (SPEC.cache.enabled, SPEC.cache.window, SPEC.cache.max_bytes) == (True, 86_400.0, 2**31)


def test_a_window_under_a_minute_is_refused() -> None:
    with pytest.raises(ValidationError, match="window"):
        Cache(window="10s")
