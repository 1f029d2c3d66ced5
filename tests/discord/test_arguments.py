"""Prefix words as options: links first, then ``--flags`` that say what slash options say."""

from __future__ import annotations

import pytest

from bossbot.discord.arguments import UsageError, parse_args
from tests.discord.conftest import SPEC

DL, DLC = SPEC.commands["dl"], SPEC.commands["dlc"]


@pytest.mark.parametrize(
    ("words", "args"),
    [
        ("a b", {"url": "a b"}),
        ("a --audio b", {"url": "a b", "audio": True}),
        ("--quality 480 a", {"url": "a", "quality": 480}),
        ("a --quality=1080 --spoiler=no", {"url": "a", "quality": 1080, "spoiler": False}),
        ("a --SPOILER", {"url": "a", "spoiler": True}),
    ],
)
def test_flags_may_stand_anywhere_and_the_rest_are_links(words: str, args: dict) -> None:
    assert parse_args(DL, words.split()) == args


def test_a_positional_option_may_be_given_as_a_flag_too() -> None:
    assert parse_args(DLC, ["--job", "k3v9qa"]) == {"job": "k3v9qa"}
    assert parse_args(DLC, ["k3v9qa"]) == {"job": "k3v9qa"}


@pytest.mark.parametrize(
    ("words", "problem"),
    [
        ("a --quality 500", "`quality` must be one of 360, 480, 720, 1080, not `500`"),
        ("a --quality", "`--quality` needs a value: `--quality 360|480|720|1080`"),
        ("a --quality best", "`quality` must be a number, not `best`"),
        ("a --spoiler=maybe", "`spoiler` must be yes or no"),
        ("a --url b", "`--url` is not an option here; try `--spoiler`, `--audio`"),
        ("a --hd", "`--hd` is not an option here; try `--spoiler`, `--audio`"),
        ("--audio", "`url` is missing"),
    ],
)
def test_wrong_flags_say_what_would_be_right(words: str, problem: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_args(DL, words.split())
    assert str(caught.value).startswith(problem)
