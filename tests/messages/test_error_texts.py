"""Every domain error reaches people as one clear message; each is locked here."""

from __future__ import annotations

import pytest

from bossbot.errors import ALL_ERRORS, BossError
from bossbot.messages import KINDS, render_error

SAMPLE = {
    "name": "clip.mp4",
    "size": 60 * 1024 * 1024,
    "limit": 10 * 1024 * 1024,
    "site": "Reddit",
    "command": "dlr",
    "roles": ["Moderator", "Admin"],
    "job": "k3v9qa",
    "state": "done",
    "permission": "Attach Files",
}
KIND_DATA = {
    "queue_full": {"limit": 50},
    "user_queue_full": {"limit": 3},
    "too_many_urls": {"limit": 5},
    "not_yours": {"action": "cancel it"},
    "too_many_requests": {"limit": 1000},
    "too_much_data": {"limit": 26 * 1024 * 1024},
    "too_slow": {"rate": 4096, "window": 30},
    "worker_memory": {"limit": 512 * 1024 * 1024},
    "wrong_command": {"used": "dlt", "site": "Reddit"},
    "cannot_fit": {
        "name": "talk.mp4",
        "duration": 1800.0,
        "limit": 10 * 1024 * 1024,
        "needed": 43_813_393,
        "fits_duration": 430.5,
        "tier": "2",
        "tier_limit": 50 * 1024 * 1024,
        "min_height": 240,
        "min_kbps": 182,
    },
    "too_long_to_fit": {"name": "talk.mp4", "duration": 7500.0, "max_duration": 3600.0},
}


@pytest.mark.parametrize("error", ALL_ERRORS, ids=lambda cls: cls.kind)
def test_every_error_kind_has_its_own_message(error: type[BossError], snapshot) -> None:
    assert error.kind in KINDS
    data = {**SAMPLE, **KIND_DATA.get(error.kind, {})}
    text = render_error(error("log detail, never shown", **data), prefix="$")
    assert "log detail" not in text
    assert "?" not in text.replace("?`", "")
    assert text == snapshot


def test_a_missing_fact_never_breaks_the_message() -> None:
    assert render_error(ALL_ERRORS[0]()) == render_error(ALL_ERRORS[0]())


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("not_allowed", {"command": "health", "roles": ["Moderator"]}),
        ("not_allowed", {"command": "health", "roles": ["Trusted", "Booster", "Moderator"]}),
        ("not_allowed", {"command": "health", "roles": ["123456789012345678"]}),
        ("not_allowed", {"command": "health", "roles": []}),
        ("not_yours", {"job": "k3v9qa", "action": "delete its posts", "roles": []}),
        ("already_finished", {"job": "k3v9qa", "state": "failed"}),
        ("already_finished", {"job": "k3v9qa", "state": "cancelled"}),
    ],
    ids=["one role", "three roles", "a role by id", "no role", "requester only", "failed",
         "cancelled"],
)  # fmt: skip
def test_refusals_name_discord_roles_and_states_in_words(kind: str, data: dict, snapshot) -> None:
    error = next(cls for cls in ALL_ERRORS if cls.kind == kind)
    assert render_error(error(**data), prefix="$") == snapshot
