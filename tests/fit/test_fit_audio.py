"""Audio alone: kept in a codec Discord plays, else AAC in M4A, always within the cap."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.errors import BadMedia, CannotFit, TooLongToFit
from bossbot.fit import audio as audio_module
from bossbot.fit import fit_audio, fit_file
from bossbot.fit import passes as passes_module
from bossbot.fit.process import FfmpegFailed
from bossbot.spec import Fit
from tests.fit.conftest import CAP, TIERS, clip, decode_errors, info, make


def tone(out: Path, seconds: float, *codec: str) -> Path:
    """``seconds`` of a stereo tone encoded with ``codec``."""
    return make(out, "-f", "lavfi", "-i", f"sine=f=330:d={seconds},aformat=channel_layouts=stereo",
                *codec)  # fmt: skip


def test_the_audio_of_a_video_is_copied_into_m4a(tmp_path: Path, fit: Fit) -> None:
    mp4 = clip(tmp_path / "clip.mp4", 2, "160x120", "-c:v", "libx264", "-c:a", "aac")
    result = fit_file(mp4, cap=CAP, fit=fit, workdir=tmp_path / "fit", audio_only=True)
    assert (result.action, result.kind, result.path.name) == ("remuxed", "audio", "clip.m4a")
    fitted = info(result.path)
    assert [(s.kind, s.codec) for s in fitted.streams] == [("audio", "aac")]
    assert abs((fitted.duration or 0) - 2) < 0.5
    assert result.summary is not None
    assert result.summary.startswith("🎵 audio only, M4A ")


def test_opus_is_kept_as_ogg_and_a_codec_discord_does_not_play_becomes_aac(
    tmp_path: Path, fit: Fit
) -> None:
    webm = clip(tmp_path / "a.webm", 1, "64x48", "-c:v", "libvpx-vp9", "-c:a", "libopus")
    ogg = fit_file(webm, cap=CAP, fit=fit, workdir=tmp_path / "fit", audio_only=True)
    assert (ogg.path.suffix, info(ogg.path).audio.codec) == (".ogg", "opus")
    mp2 = tone(tmp_path / "old.mkv", 1, "-c:a", "mp2")
    m4a = fit_file(mp2, cap=CAP, fit=fit, workdir=tmp_path / "fit")
    assert (m4a.action, m4a.format_after, info(m4a.path).audio.codec) == ("encoded", "M4A", "aac")
    assert decode_errors(m4a.path) == ""


def test_an_audio_file_that_plays_and_fits_is_kept(tmp_path: Path, fit: Fit) -> None:
    for path in (tone(tmp_path / "a.mp3", 1, "-c:a", "libmp3lame"),
                 tone(tmp_path / "a.flac", 1), tone(tmp_path / "a.wav", 1)):  # fmt: skip
        result = fit_file(path, cap=CAP, fit=fit, workdir=tmp_path / "fit")
        assert (result.action, result.path) == ("kept", path)


def test_audio_over_the_cap_is_encoded_to_fit(tmp_path: Path, fit: Fit) -> None:
    wav = tone(tmp_path / "long.wav", 20)
    cap = 200_000
    assert wav.stat().st_size > cap
    result = fit_file(wav, cap=cap, fit=fit, workdir=tmp_path / "fit")
    assert (result.action, result.over_cap) == ("encoded", True)
    assert result.path.stat().st_size <= cap
    assert abs((info(result.path).duration or 0) - 20) < 0.5
    assert result.summary is not None
    assert result.summary.startswith("🗜️ compressed ")


def test_audio_that_cannot_fit_at_the_floor_is_refused(tmp_path: Path, fit: Fit) -> None:
    wav = tone(tmp_path / "talk.wav", 120, "-ar", "8000")
    with pytest.raises(CannotFit) as caught:
        fit_file(wav, cap=100_000, fit=fit, workdir=tmp_path / "fit", tiers=TIERS)
    assert caught.value.data["min_kbps"] == fit.audio_min_kbps
    assert caught.value.data["min_height"] is None
    assert caught.value.data["tier"] is None  # no boost helps: an unboosted server takes it
    with pytest.raises(TooLongToFit):
        fit_file(wav, cap=100_000, fit=Fit(max_duration=60), workdir=tmp_path / "fit")


def test_a_video_without_sound_has_no_audio_to_extract(tmp_path: Path, fit: Fit) -> None:
    mute = make(tmp_path / "mute.mp4", "-f", "lavfi", "-i", "testsrc2=s=64x48:d=1")
    with pytest.raises(BadMedia):
        fit_file(mute, cap=CAP, fit=fit, workdir=tmp_path / "fit", audio_only=True)


def test_an_audio_encode_that_overshoots_is_encoded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audio_module, "overhead", lambda *args: -400_000)
    wav = tone(tmp_path / "talk.wav", 20)
    result = fit_file(wav, cap=150_000, fit=Fit(), workdir=tmp_path / "fit")
    assert result.attempts >= 2
    assert result.size_after <= 150_000


def test_ffmpeg_failing_on_the_audio_is_bad_media(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise FfmpegFailed(1, "Invalid data")

    mp4 = clip(tmp_path / "clip.mp4", 1, "64x48", "-c:v", "libx264", "-c:a", "aac")
    monkeypatch.setattr(passes_module, "run_ffmpeg", fail)
    with pytest.raises(BadMedia) as caught:
        fit_audio(mp4, cap=CAP, fit=Fit(), workdir=tmp_path / "fit")
    assert caught.value.data == {"name": "clip.mp4"}
