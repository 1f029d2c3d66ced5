"""``[auto]`` and ``[server_settings]`` in commands.toml: defaults, and one clear line per error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.spec import SpecError, parse_spec

pytestmark = pytest.mark.timeout(30)
ROOT = Path(__file__).resolve().parents[2]
SHIPPED = (ROOT / "commands.toml").read_text(encoding="utf-8")
PATH = Path("commands.toml")


def problems(old: str, new: str) -> list[str]:
    """The errors of the shipped file with ``old`` replaced by ``new``."""
    assert old in SHIPPED
    with pytest.raises(SpecError) as caught:
        parse_spec(SHIPPED.replace(old, new, 1), PATH, ACTIONS)
    return [line.split(": ", 1)[1] for line in caught.value.problems]  # without file:line


def test_the_shipped_file_declares_auto_detection_servers_may_turn_on() -> None:
    spec = parse_spec(SHIPPED, PATH, ACTIONS)
    assert spec.auto.servers_may_enable
    assert "youtube" not in spec.auto.sites
    assert spec.commands["settings"].action == "settings"


def test_both_tables_may_be_left_out() -> None:
    start = SHIPPED.index("[auto]")
    spec = parse_spec(SHIPPED[:start], PATH, ACTIONS)
    assert spec.auto.sites == ["twitter", "reddit", "instagram", "tiktok"]
    assert spec.server_settings.may_change == ["auto", "sites", "embeds", "buttons"]


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("max_links = 3", "max_links = 0",
         "[auto] max_links: Input should be greater than or equal to 1"),
        ('status = "reaction"', 'status = "shout"',
         "[auto] status: Input should be 'reaction' or 'message'"),
        ('sites = ["twitter", "reddit", "instagram", "tiktok"]', 'sites = ["twitter", "mars"]',
         "[auto] sites: unknown site group 'mars'"),
        ('sites = ["twitter", "reddit", "instagram", "tiktok"]', 'sites = ["twitter", "other"]',
         "[auto] sites: 'other' must also be in choosable"),
        ("servers_may_enable = true", 'servers_may_enable = "yes please"',
         "[auto] servers_may_enable: Input should be a valid boolean, unable to interpret input"),
        ('may_change = ["auto"', 'may_change = ["colour", "auto"',
         "[server_settings.may_change] 0: Input should be 'auto', 'sites', 'embeds' or 'buttons'"),
        ("buttons_max = 86400", "buttons_max = 30",
         "[server_settings] buttons_max: must be at least buttons_min (60)"),
        ("slow_after = 20", "slow_after = 20\nslow = 1",
         "[auto] slow: Extra inputs are not permitted"),
    ],
    ids=["no links", "unknown status", "unknown site", "default not choosable", "switch not a bool",
         "unknown setting", "button bounds reversed", "unknown key"],
)  # fmt: skip
def test_a_bad_value_is_one_clear_line(old: str, new: str, said: str) -> None:
    assert problems(old, new) == [said]
