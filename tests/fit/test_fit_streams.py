"""ffmpeg's own report, parsed: durations, streams, codecs, sizes, rates, rotation."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bossbot.errors import BadMedia
from bossbot.fit import Stream, parse_report, probe
from bossbot.fit import probing as probe_module
from bossbot.fit.decoding import decodes
from bossbot.fit.probing import report
from bossbot.fit.process import FfmpegFailed
from bossbot.spec import Fit
from tests.fit.conftest import FFMPEG, clip, make

# ffmpeg 5/6 as Debian ships it: stream ids in brackets, side data in lower case.
OLDER = """Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'phone.mp4':
  Duration: 00:01:02.50, start: 0.000000, bitrate: 8123 kb/s
  Stream #0:0[0x1](eng): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709, \
progressive), 1920x1080 [SAR 1:1 DAR 16:9], 7990 kb/s, 29.97 fps, 29.97 tbr, 90k tbn (default)
    Side data:
      displaymatrix: rotation of -90.00 degrees
  Stream #0:1[0x2](eng): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, \
128 kb/s (default)
At least one output file must be specified
"""


def test_an_older_ffmpegs_report_of_a_rotated_phone_clip() -> None:
    info = parse_report(OLDER)
    assert info.container == "mov,mp4,m4a,3gp,3g2,mj2"
    assert (info.duration, info.kbps) == (62.5, 8123)
    assert info.video == Stream("video", "h264", 1080, 1920, 29.97, 7990, "yuv420p")
    assert info.audio == Stream("audio", "aac", kbps=128, pixels="stereo")


def test_a_real_mkv_report(tmp_path: Path) -> None:
    mkv = clip(tmp_path / "a.mkv", 2, "320x240", "-c:v", "libx264", "-c:a", "aac")
    info = parse_report(report(mkv))
    assert info.container == "matroska,webm"
    assert info.duration is not None
    assert abs(info.duration - 2) < 0.1
    assert info.video is not None
    assert info.audio is not None
    assert (info.video.codec, info.video.width, info.video.height) == ("h264", 320, 240)
    assert (info.video.fps, info.video.pixels) == (25, "yuv420p")
    assert (info.audio.codec, info.audio.pixels) == ("aac", "mono")


def test_a_real_rotated_mp4_swaps_width_and_height(tmp_path: Path) -> None:
    mkv = clip(tmp_path / "a.mkv", 1, "320x240", "-c:v", "libx264", "-c:a", "aac")
    turned = make(tmp_path / "turned.mp4", "-display_rotation", "90", "-i", str(mkv), "-c", "copy")
    video = parse_report(report(turned)).video
    assert video is not None
    assert (video.width, video.height) == (240, 320)


def test_cover_art_of_an_mp3_is_not_a_video(tmp_path: Path) -> None:
    mp3 = make(
        tmp_path / "song.mp3", "-f", "lavfi", "-i", "sine=d=1", "-f", "lavfi", "-i",
        "testsrc2=s=64x64:d=1", "-map", "0", "-map", "1", "-frames:v", "1", "-c:a", "libmp3lame",
        "-c:v", "mjpeg", "-disposition:v", "attached_pic",
    )  # fmt: skip
    info = parse_report(report(mp3))
    assert info.video is None
    assert info.audio is not None
    assert info.audio.codec == "mp3"
    assert [s.still for s in info.streams] == [False, True]


def test_a_gif_and_a_webm(tmp_path: Path) -> None:
    gif = make(tmp_path / "a.gif", "-f", "lavfi", "-i", "testsrc2=s=64x48:r=10:d=1")
    webm = clip(tmp_path / "a.webm", 1, "64x48", "-c:v", "libvpx-vp9", "-c:a", "libopus")
    gif_info, webm_info = parse_report(report(gif)), parse_report(report(webm))
    assert gif_info.container == "gif"
    assert gif_info.video is not None
    assert (gif_info.video.codec, gif_info.video.fps, gif_info.audio) == ("gif", 10, None)
    assert webm_info.video is not None
    assert webm_info.audio is not None
    assert (webm_info.video.codec, webm_info.audio.codec) == ("vp9", "opus")


def test_what_is_not_media_parses_to_nothing(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    info = parse_report(report(text))
    assert (info.streams, info.duration, info.video, info.audio) == ((), None, None, None)
    assert parse_report("") == parse_report("garbage\nlines")


def test_a_half_turn_keeps_width_and_height() -> None:
    upside_down = OLDER.replace("rotation of -90.00", "rotation of 180.00")
    video = parse_report(upside_down).video
    assert video is not None
    assert (video.width, video.height) == (1920, 1080)


def piped_mkv(path: Path, seconds: int) -> Path:
    """An MKV written to a pipe: with no way back to the header, it holds no duration."""
    with path.open("wb") as out:
        subprocess.run(
            [FFMPEG, "-v", "error", "-f", "lavfi", "-i", f"testsrc2=s=64x48:r=10:d={seconds}",
             "-c:v", "mpeg4", "-f", "matroska", "pipe:1"],
            stdout=out, check=True, timeout=30,
        )  # fmt: skip
    return path


def test_a_length_missing_from_the_header_is_measured(tmp_path: Path) -> None:
    piped = piped_mkv(tmp_path / "live.mkv", 3)
    assert parse_report(report(piped)).duration is None
    measured = probe(piped).duration
    assert measured is not None
    assert abs(measured - 3) < 0.2


def test_the_decode_check_measures_a_length_missing_from_the_header(tmp_path: Path) -> None:
    info = decodes(piped_mkv(tmp_path / "live.mkv", 3), "mkv", Fit())
    assert info is not None
    assert info.duration is not None
    assert abs(info.duration - 3) < 0.2
    assert [stream.kind for stream in info.streams] == ["video"]


@pytest.mark.parametrize("outcome", ["fails", "zero"])
def test_a_length_that_cannot_be_measured_is_bad_media(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outcome: str
) -> None:
    def measure(path: Path, niceness: int) -> float:
        if outcome == "fails":
            raise FfmpegFailed(1, "broken")
        return 0.0

    piped = piped_mkv(tmp_path / "live.mkv", 1)
    monkeypatch.setattr(probe_module, "measured_duration", measure)
    with pytest.raises(BadMedia):
        probe(piped)
