"""Videos are kept, remuxed or re-encoded so they play inline and never exceed the cap."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from bossbot.errors import BadMedia, CannotFit, TooLarge, TooLongToFit
from bossbot.fit import FitProgress, MediaInfo, Stream, fit_file, fit_video
from bossbot.fit import budget as budget_module
from bossbot.fit import passes as passes_module
from bossbot.fit.process import FfmpegFailed
from bossbot.spec import Fit
from tests.fit.conftest import CAP, FFMPEG, TIERS, clip, decode_errors, info, make, noisy


def _stream_hashes(path: Path) -> list[str]:
    done = subprocess.run(
        [FFMPEG, "-v", "error", "-i", str(path), "-map", "0", "-c", "copy",
         "-f", "streamhash", "-hash", "md5", "-"],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    return done.stdout.split()


@pytest.mark.slow
def test_a_12_mib_clip_becomes_one_playable_file_under_the_cap(
    big_clip: Path, workdir: Path, fit: Fit
) -> None:
    assert big_clip.stat().st_size > CAP
    reports: list[FitProgress] = []
    result = fit_file(big_clip, cap=CAP, fit=fit, workdir=workdir, on_progress=reports.append)

    assert result.action == "encoded"
    assert result.path.parent == workdir
    assert result.path.stat().st_size == result.size_after <= CAP
    assert decode_errors(result.path) == ""
    fitted = info(result.path)
    assert abs((fitted.duration or 0) - 4.0) <= 0.5
    assert [s.kind for s in fitted.streams] == ["video", "audio"]
    assert (fitted.video.codec, fitted.audio.codec) == ("h264", "aac")
    assert reports
    assert reports[-1].fraction == 1.0
    assert big_clip.exists()  # the source is the caller's to remove


@pytest.mark.slow
def test_an_encode_that_overshoots_is_encoded_again_smaller(
    big_clip: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cap = 120_000
    monkeypatch.setattr(budget_module, "overhead", lambda *args: -cap)  # aims at twice the cap
    attempts: set[int] = set()
    fit = Fit(min_video_kbps=16)
    result = fit_video(
        big_clip, info(big_clip), cap=cap, fit=fit, workdir=workdir,
        on_progress=lambda p: attempts.add(p.attempt),
    )  # fmt: skip
    assert result.attempts >= 2
    assert attempts >= {1, 2}
    assert result.path.stat().st_size <= cap
    assert decode_errors(result.path) == ""
    assert list(workdir.iterdir()) == [result.path]


def test_a_30_minute_clip_against_10_mib_is_refused_with_what_would_fit(
    media: Path, workdir: Path, fit: Fit
) -> None:
    long = make(
        media / "long.mkv",
        "-f", "lavfi", "-i", "color=c=gray:s=64x64:r=1:d=1800",
        "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "1800",
        "-c:v", "mpeg4", "-c:a", "pcm_u8",
    )  # fmt: skip
    assert long.stat().st_size > CAP
    with pytest.raises(CannotFit) as caught:
        fit_file(long, cap=CAP, fit=fit, workdir=workdir, tiers=TIERS)
    data = caught.value.data
    assert data["name"] == "long.mkv"
    assert abs(data["duration"] - 1800) < 1
    assert data["limit"] == CAP
    assert data["needed"] > CAP
    assert 60 < data["fits_duration"] < 1800
    assert (data["tier"], data["tier_limit"]) == ("2", TIERS["2"])
    assert not workdir.exists() or list(workdir.iterdir()) == []


def test_a_remux_copies_the_streams_into_mp4(tmp_path: Path, workdir: Path, fit: Fit) -> None:
    mkv = clip(tmp_path / "clip.mkv", 2, "160x120", "-c:v", "libx264", "-c:a", "aac")
    started = time.monotonic()
    result = fit_video(mkv, info(mkv), cap=CAP, fit=fit, workdir=workdir)
    assert time.monotonic() - started < 5
    assert (result.action, result.path.name, result.attempts) == ("remuxed", "clip.mp4", 0)
    assert _stream_hashes(result.path) == _stream_hashes(mkv)
    assert result.summary == "📦 repackaged MKV → MP4, nothing re-encoded"


def test_a_playable_file_under_the_cap_is_kept(tmp_path: Path, workdir: Path, fit: Fit) -> None:
    mp4 = clip(tmp_path / "ok.mp4", 1, "160x120", "-c:v", "libx264", "-c:a", "aac")
    webm = clip(tmp_path / "ok.webm", 1, "160x120", "-c:v", "libvpx-vp9", "-c:a", "libopus")
    for path in (mp4, webm):
        result = fit_file(path, cap=CAP, fit=fit, workdir=workdir)
        assert (result.action, result.path, result.summary) == ("kept", path, None)
    assert not workdir.exists()


def test_a_codec_discord_does_not_play_is_re_encoded(tmp_path: Path, workdir: Path) -> None:
    old = clip(tmp_path / "old.mkv", 1, "160x120", "-c:v", "mpeg4", "-c:a", "mp2")
    result = fit_file(old, cap=CAP, fit=Fit(), workdir=workdir)
    assert (result.action, result.format_before, result.format_after) == ("encoded", "MKV", "MP4")
    fitted = info(result.path)
    assert (fitted.video.codec, fitted.video.pixels, fitted.audio.codec) == (
        "h264",
        "yuv420p",
        "aac",
    )


def test_with_fitting_off_a_large_file_is_too_large(big_clip: Path, workdir: Path) -> None:
    with pytest.raises(TooLarge) as caught:
        fit_file(big_clip, cap=CAP, fit=Fit(enabled=False), workdir=workdir)
    assert caught.value.data["limit"] == CAP


def test_a_video_longer_than_max_duration_is_not_tried(big_clip: Path, workdir: Path) -> None:
    with pytest.raises(TooLongToFit) as caught:
        fit_file(big_clip, cap=CAP, fit=Fit(max_duration=2), workdir=workdir)
    assert caught.value.data == {"name": "big.mp4", "duration": 4.0, "max_duration": 2.0}


def test_a_file_ffmpeg_cannot_read_is_bad_media(tmp_path: Path, workdir: Path, fit: Fit) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 500)
    with pytest.raises(BadMedia) as caught:
        fit_file(broken, cap=CAP, fit=fit, workdir=workdir)
    assert caught.value.data == {"name": "broken.mp4"}


def test_an_mkv_still_over_the_cap_after_a_remux_is_re_encoded(
    tmp_path: Path, workdir: Path, fit: Fit
) -> None:
    mkv = noisy(tmp_path / "big.mkv", 2)
    cap = mkv.stat().st_size // 4
    result = fit_video(mkv, cap=cap, fit=fit, workdir=workdir)  # probed inside
    assert (result.action, result.path.name) == ("encoded", "big.mp4")
    assert list(workdir.iterdir()) == [result.path]  # the remux tried first is gone


def test_a_tight_60_fps_clip_is_encoded_at_30_fps(tmp_path: Path, workdir: Path) -> None:
    fast = clip(tmp_path / "fast.mkv", 2, "320x240", "-r", "60", "-c:v", "mpeg4", "-c:a", "mp2")
    result = fit_video(fast, cap=40_000, fit=Fit(min_video_kbps=50), workdir=workdir)
    assert result.size_after <= 40_000
    fitted = info(result.path).video
    assert fitted is not None
    assert (fitted.fps, fitted.height) == (30, 240)


def test_when_every_pass_overshoots_the_file_is_refused_not_posted(
    big_clip: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget_module, "overhead", lambda *args: -10 * CAP)
    with pytest.raises(CannotFit):
        fit_video(big_clip, cap=150_000, fit=Fit(passes=1, min_video_kbps=16), workdir=workdir)
    assert list(workdir.iterdir()) == []


def test_a_video_without_a_picture_size_is_bad_media(big_clip: Path, workdir: Path) -> None:
    sizeless = MediaInfo("mov", 4.0, 100, (Stream("video", "h264"),))
    with pytest.raises(BadMedia):
        fit_video(big_clip, sizeless, cap=CAP, fit=Fit(), workdir=workdir)


def test_ffmpeg_failing_on_the_encode_is_bad_media(
    big_clip: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise FfmpegFailed(1, "Invalid data found when processing input")

    monkeypatch.setattr(passes_module, "run_ffmpeg", fail)
    with pytest.raises(BadMedia) as caught:
        fit_video(big_clip, cap=CAP, fit=Fit(), workdir=workdir)
    assert caught.value.data == {"name": "big.mp4"}
