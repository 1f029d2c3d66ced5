"""Sizes as people write them."""

from __future__ import annotations

import pytest

from bossbot.spec import format_size, parse_size


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10MiB", 10 * 1024**2), ("50 MB", 50_000_000), ("1.5GiB", 1610612736), (512, 512), ("7", 7)],
)
def test_parse_size_accepts_common_forms(text: str | int, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("bad", ["ten", "10 parsecs", -1, True, None, "-5MB"])
def test_parse_size_refuses_nonsense(bad: object) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(bad)


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1536, "1.5 KiB"),
        (10 * 1024**2, "10 MiB"),
        (3 * 1024**4, "3072 GiB"),
    ],
)
def test_format_size_reads_naturally(size: int, text: str) -> None:
    assert format_size(size) == text
