"""What members read about fitting: the compressing line and what was done to each file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.errors import CannotFit, TooLarge, TooLongToFit
from bossbot.fetch.base import Progress
from bossbot.fit import FitResult
from bossbot.messages import render_error
from bossbot.messages.check import command_table
from bossbot.messages.fit import fit_summary
from bossbot.messages.progress import progress_line
from bossbot.spec import parse_spec

MiB = 1024 * 1024
CLIP = Path("clip.mp4")


@pytest.mark.parametrize(
    "progress",
    [
        Progress(0, None, stage="compress"),
        Progress(0, 1000, stage="compress"),
        Progress(400, 1000, eta=12.4, stage="compress"),
        Progress(1000, 1000, eta=0, stage="compress"),
        Progress(200, 1000, eta=40, stage="recompress"),
        Progress(500, 1000, eta=3, file_index=2, file_count=3, stage="compress"),
    ],
    ids=["unknown length", "starting", "40 percent", "done", "second try", "gallery"],
)
def test_the_compressing_line(progress: Progress, snapshot) -> None:
    assert progress_line(progress) == snapshot


RESULTS = {
    "kept": FitResult(CLIP, "kept", "video", 5 * MiB, 5 * MiB, "MP4", "MP4", 720, 720),
    "remuxed": FitResult(CLIP, "remuxed", "video", 9 * MiB, 9 * MiB, "MKV", "MP4", 720, 720),
    "compressed video": FitResult(
        CLIP, "encoded", "video", 48 * MiB, int(9.6 * MiB), "MP4", "MP4", 1080, 540, 1, True
    ),
    "compressed mkv": FitResult(
        CLIP, "encoded", "video", 30 * MiB, 9 * MiB, "MKV", "MP4", 720, 720, 2, True
    ),
    "re-encoded to play": FitResult(
        CLIP, "encoded", "video", 4 * MiB, 5 * MiB, "MKV", "MP4", 480, 480, 1, False
    ),
    "gif": FitResult(CLIP, "encoded", "animation", 24 * MiB, int(1.2 * MiB), "GIF", "MP4", 1, 1),
    "image compressed": FitResult(
        CLIP, "converted", "image", 12 * MiB, 9 * MiB, "PNG", "JPEG", 3000, 1500, over_cap=True
    ),
    "heic converted": FitResult(CLIP, "converted", "image", MiB, MiB // 2, "HEIF", "JPEG", 8, 8),
    "audio copied": FitResult(CLIP, "remuxed", "audio", 20 * MiB, 3 * MiB, "MP4", "M4A"),
    "audio extracted": FitResult(CLIP, "encoded", "audio", 40 * MiB, 2 * MiB, "MKV", "M4A"),
    "audio compressed": FitResult(
        CLIP, "encoded", "audio", 14 * MiB, int(9.5 * MiB), "WAV", "M4A", over_cap=True
    ),
}


@pytest.mark.parametrize("case", list(RESULTS))
def test_what_was_done_to_a_file(case: str, snapshot) -> None:
    assert fit_summary(RESULTS[case]) == snapshot
    assert RESULTS[case].summary == fit_summary(RESULTS[case])


FLOOR = {"name": "talk.mp4", "duration": 1800.0, "limit": 10 * MiB, "needed": 42 * MiB}
REFUSALS = {
    "no boost tier takes it": {**FLOOR, "fits_duration": 430.0, "tier": None, "min_height": 240},
    "audio floor": {
        **FLOOR,
        "duration": 3 * 3600.0,
        "fits_duration": 2600.0,
        "tier": "2",
        "tier_limit": 50 * MiB,
        "min_kbps": 32,
    },
    "not even a second fits": {**FLOOR, "fits_duration": 0.2, "min_height": 240},
    "facts lost": {"name": "talk.mp4"},
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_refusal_says_what_would_work(case: str, snapshot) -> None:
    text = render_error(CannotFit("detail", **REFUSALS[case]))
    assert "detail" not in text
    assert text == snapshot


def test_fit_errors_without_their_facts_still_read() -> None:
    assert render_error(TooLongToFit()) == (
        "⏱️ That video is too long for me to shrink under the size limit. Try a shorter clip."
    )
    assert "`?` is ?" in render_error(TooLarge())  # templates show a lost fact as ?


def test_check_says_when_fitting_is_off() -> None:
    root = Path(__file__).resolve().parents[2]
    text = (root / "commands.toml").read_text(encoding="utf-8")
    spec = parse_spec(text.replace("enabled = true", "enabled = false"), root, ACTIONS)
    lines = command_table(spec, root / "commands.toml").splitlines()
    assert "fit: off (files over the limit fail as too large)" in lines
