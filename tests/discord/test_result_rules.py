"""Small rules of the result: hint cooldowns, button expiry, retry's command, job notes."""

from __future__ import annotations

import pytest

from bossbot.discord.hints import REMEMBERED, Cooldown
from bossbot.discord.notes import JobNotes
from bossbot.discord.results import expired
from bossbot.discord.retry import retry_command
from bossbot.errors import NotAllowed
from bossbot.jobs import Job
from bossbot.media.info import MediaInfo
from tests.discord.conftest import SPEC


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_one_hint_per_key_per_cooldown() -> None:
    clock = Clock()
    cooldown = Cooldown(clock)
    assert cooldown.ready("a", 60)
    assert not cooldown.ready("a", 60)
    assert cooldown.ready("b", 60)
    clock.t = 60
    assert cooldown.ready("a", 60)


def test_stale_keys_are_dropped_once_many_are_remembered() -> None:
    clock = Clock()
    cooldown = Cooldown(clock)
    for key in range(REMEMBERED):
        cooldown.ready(key, 60)
    clock.t = 61
    assert cooldown.ready("new", 60)
    assert list(cooldown.last) == ["new"]


@pytest.mark.parametrize(
    ("state", "finished", "now", "gone"),
    [("done", 100.0, 1000.0, False), ("done", 100.0, 1000.1, True), ("done", None, 1e9, False),
     ("failed", 100.0, 1e9, False), ("cancelled", 100.0, 1e9, False)],
    ids=["in time", "after", "no end recorded", "failed keeps its markers", "cancelled too"],
)  # fmt: skip
def test_only_a_done_job_s_buttons_expire(state: str, finished, now: float, gone: bool) -> None:
    job = Job(id="k3v9qa", url="https://x.com/a", state=state, finished_at=finished)
    declared = SPEC.results.model_copy(update={"buttons_for": 900.1})
    assert expired(job, declared, now) is gone


def test_retry_uses_the_command_first_used_else_any_that_downloads() -> None:
    assert retry_command(SPEC, "dlr")[0] == "dlr"
    assert retry_command(SPEC, "gone-since")[0] == "dl"
    assert retry_command(SPEC, "help")[0] == "dl"  # not a download command any more
    none = {name: cmd for name, cmd in SPEC.commands.items() if cmd.action != "download"}
    with pytest.raises(NotAllowed):
        retry_command(SPEC.model_copy(update={"commands": none}), "dl")


def test_notes_read_spoiler_and_info_from_the_job_and_hold_posts_until_forgotten() -> None:
    notes, job = JobNotes(), Job(id="k3v9qa", url="https://x.com/a")
    assert not notes.spoiler(job)
    assert (notes.info(job), notes.first_post(job)) == (MediaInfo(), None)
    job.spoiler, job.info = True, {"title": "T", "duration": "bad", "tool": "yt-dlp"}
    notes.write(job.id).posts = {1: 22, 0: 11}
    assert (notes.spoiler(job), notes.info(job), notes.first_post(job)) == (
        True, MediaInfo(title="T"), 11,
    )  # fmt: skip
    notes.forget(job.id)
    assert notes.read(job.id).posts == {}
