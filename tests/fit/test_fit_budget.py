"""The bit budget: bitrates from duration and cap, the size ladder, the floor, refusals."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from bossbot.fit import FitProgress, FitResult
from bossbot.fit.budget import audio_rate, even_size, overhead, plan_video, refusal
from bossbot.spec import Fit
from tests.fit.conftest import CAP, TIERS


def test_a_minute_of_1080p_into_10_mib_steps_down_to_720p() -> None:
    plan = plan_video(1920, 1080, 30, 60, 128, CAP, Fit())
    assert plan is not None
    assert (plan.width, plan.height, plan.fps, plan.audio_kbps) == (1280, 720, 0, 128)
    total_bytes = (plan.video_kbps + plan.audio_kbps) * 1000 / 8 * 60 + overhead(60, 30, True)
    assert 0.9 * CAP < total_bytes <= CAP


def test_a_tight_60_fps_clip_is_capped_to_30_fps_first() -> None:
    plan = plan_video(1920, 1080, 60, 60, 128, CAP, Fit())
    assert plan is not None
    assert (plan.fps, plan.height) == (30, 720)
    roomy = plan_video(1920, 1080, 60, 5, 128, CAP, Fit())
    assert roomy is not None
    assert roomy.fps == 0


def test_portrait_video_keeps_its_aspect_with_the_short_side_stepped() -> None:
    plan = plan_video(1080, 1920, 30, 60, None, CAP, Fit())
    assert plan is not None
    assert (plan.width, plan.height, plan.audio_kbps) == (720, 1280, 0)


def test_sizes_are_even_and_keep_the_aspect() -> None:
    assert even_size(1920, 1080, 540) == (960, 540)
    assert even_size(65, 33, 33) == (64, 32)
    assert even_size(3, 3, 1) == (2, 2)


def test_the_floor_bounds_the_step_down_and_refuses_below_the_bitrate_floor() -> None:
    fit = Fit(min_height=480)
    plan = plan_video(1920, 1080, 30, 240, 128, CAP, fit)
    assert plan is not None
    assert plan.height == 480
    assert plan_video(1920, 1080, 30, 600, 128, CAP, Fit()) is None


def test_a_short_small_clip_gets_no_more_bits_than_it_can_use() -> None:
    plan = plan_video(160, 120, 25, 2, 64, CAP, Fit())
    assert plan is not None
    assert plan.video_kbps == Fit().min_video_kbps  # 0.2 bits per pixel is 96 kb/s here
    assert plan.audio_kbps == 64  # never above the source's own rate


def test_audio_is_a_tenth_of_the_budget_within_its_bounds() -> None:
    fit = Fit(audio_min_kbps=32, audio_max_kbps=128)
    assert audio_rate(2000, fit) == 128
    assert audio_rate(500, fit) == 50
    assert audio_rate(100, fit) == 32
    assert audio_rate(2000, fit, source_kbps=96) == 96


@pytest.mark.parametrize(
    ("seconds", "tier"), [(1800, "2"), (3 * 3600, None)], ids=["boost-2", "no-tier"]
)
def test_a_refusal_says_what_would_fit(seconds: int, tier: str | None) -> None:
    error = refusal("talk.mp4", seconds, 30, True, CAP, TIERS, floor_kbps=182, min_height=240)
    data = error.data
    assert data["needed"] > CAP
    assert data["tier"] == tier
    clip_bytes = data["fits_duration"] * (182 * 125 + 16 * 30 + 8 * 47) + 8192
    assert clip_bytes <= CAP
    assert error.kind == "cannot_fit"
    assert not error.transient


def _round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))  # noqa: S301 - our own bytes


def test_what_a_worker_sends_back_survives_pickling() -> None:
    error = refusal("talk.mp4", 1800, 30, True, CAP, TIERS, floor_kbps=182, min_height=240)
    again = _round_trip(error)
    assert type(again) is type(error)
    assert again.data == error.data  # type: ignore[attr-defined]
    progress = FitProgress(12, 30, eta=12, attempt=2)
    assert _round_trip(progress) == progress
    result = FitResult(Path("clip.mp4"), "encoded", "video", 9, 5, "MKV", "MP4", 720, 480, 1, True)
    assert _round_trip(result) == result
