"""Snapshots of every job status text and of the progress line at several points."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from bossbot.errors import DiscordBusy, NetworkError, RateLimited, TooLarge
from bossbot.fetch.base import Progress
from bossbot.jobs import Job, JobEvent
from bossbot.messages.jobs import error_of, status_text
from bossbot.messages.progress import bar, duration, progress_line

MiB = 1024 * 1024

POINTS = {
    "start_0_percent": Progress(done=0, total=10 * MiB, speed=None, eta=None),
    "a_third": Progress(done=int(3.1 * MiB), total=10 * MiB, speed=1.2 * MiB, eta=6),
    "half": Progress(done=5 * MiB, total=10 * MiB, speed=2 * MiB, eta=2.5),
    "complete_100_percent": Progress(done=10 * MiB, total=10 * MiB, speed=2 * MiB, eta=0),
    "unknown_total": Progress(done=int(3.1 * MiB), speed=1.2 * MiB),
    "unknown_total_no_speed": Progress(done=512),
    "gallery_3_of_7": Progress(done=700_000, total=2 * MiB, speed=300_000, eta=75,
                               file_index=3, file_count=7),
    "long_eta": Progress(done=MiB, total=900 * MiB, speed=100_000, eta=9_300),
}  # fmt: skip


@pytest.mark.parametrize("point", sorted(POINTS))
def test_progress_line(point: str, snapshot: SnapshotAssertion) -> None:
    assert progress_line(POINTS[point]) == snapshot


def job(**fields: object) -> Job:
    return Job(id="k3v9qa", url="https://x.test/v", **fields)  # type: ignore[arg-type]


EVENTS = {
    "queued_next": (job(), JobEvent("queued", position=1)),
    "queued_third": (job(), JobEvent("queued", position=3)),
    "queued_unknown_position": (job(), JobEvent("queued")),
    "recovered_after_restart": (job(attempt=2), JobEvent("recover", position=2)),
    "started": (job(state="fetching"), JobEvent("start")),
    "progress": (job(state="fetching"), JobEvent("progress", progress=POINTS["a_third"])),
    "validating": (job(state="validating"), JobEvent("fetched")),
    "uploading_one": (job(state="uploading", files=["a"]), JobEvent("validated")),
    "uploading_gallery": (job(state="uploading", files=list("abcdefg")), JobEvent("validated")),
    "done_one": (job(state="done", files=["a"]), JobEvent("delivered")),
    "done_gallery": (job(state="done", files=list("abcdefg")), JobEvent("delivered")),
    "retry": (
        job(attempt=2, max_attempts=3, error_kind="network", next_attempt_at=1_700_000_004.2),
        JobEvent("retry", error=NetworkError(), retry_in=4.2),
    ),
    "retry_of_an_upload": (
        job(attempt=3, max_attempts=3, error_kind="discord_busy", files=["a"]),
        JobEvent("retry", error=DiscordBusy(), retry_in=61),
    ),
    "upload_started_again": (job(state="uploading", files=["a", "b"]), JobEvent("start")),
    "failed_after_retries": (
        job(state="failed", attempt=3, error_kind="rate_limited"),
        JobEvent("fail", error=RateLimited()),
    ),
    "failed_too_large": (
        job(state="failed"),
        JobEvent("fail", error=TooLarge(name="clip.mp4", size=60 * MiB, limit=50 * MiB)),
    ),
    "failed_stored_kind": (job(state="failed", error_kind="timeout"), JobEvent("fail")),
    "failed_unknown_kind": (job(state="failed", error_kind="?"), JobEvent("fail")),
    "cancelled": (job(state="cancelled"), JobEvent("cancel")),
}


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_status_text(name: str, snapshot: SnapshotAssertion) -> None:
    assert status_text(*EVENTS[name], prefix="$") == snapshot


def test_on_discord_the_next_attempt_is_a_timestamp_that_counts_down() -> None:
    text = status_text(*EVENTS["retry"], prefix="$", timestamps=True)
    assert text.endswith("Trying again <t:1700000004:R>.")


def test_a_failure_that_is_not_worth_retrying_does_not_speak_of_attempts() -> None:
    assert "gave up" not in status_text(*EVENTS["failed_too_large"], prefix="$")
    assert "gave up" in status_text(*EVENTS["failed_after_retries"], prefix="$")


@pytest.mark.parametrize(
    ("fraction", "cells"), [(0, 0), (0.09, 0), (0.31, 3), (0.5, 5), (0.99, 9), (1, 10), (1.5, 10)]
)
def test_a_bar_cell_fills_only_when_its_tenth_is_done(fraction: float, cells: int) -> None:
    assert bar(fraction).count("▰") == cells
    assert len(bar(fraction)) == 10


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (6.4, "6 s"),
        (60, "1 min"),
        (125, "2 min 5 s"),
        (3600, "1 h"),
        (3_840, "1 h 4 min"),
    ],
)
def test_durations_are_short(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_a_stored_error_kind_maps_back_to_its_error() -> None:
    assert error_of("not_found").kind == "not_found"
    assert error_of(None).kind == "internal"
