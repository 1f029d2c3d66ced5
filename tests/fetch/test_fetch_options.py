"""The downloaders' options are ours alone, and their failures map onto our errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from gallery_dl import config

from bossbot.errors import (
    TooLarge,
)
from bossbot.fetch import FetchRequest, Progress
from bossbot.fetch.base import Choice
from bossbot.fetch.gallery.options import configure
from bossbot.fetch.ytdlp.params import build_params, format_spec
from bossbot.fetch.ytdlp.runner import _fitting
from bossbot.fetch.ytdlp.watch import Abort, Watch
from tests.fakes.guard import Recorder

TRICKY = "https://example.org/%(title)s/{filename}/--exec=x.mp4"


def params_for(request: FetchRequest) -> dict:
    return build_params(
        request,
        logger=object(),
        hook=lambda d: None,
        match_filter=lambda i, **k: None,
        ffmpeg=False,
    )


def test_yt_dlp_gets_fixed_templates_and_no_dangerous_option(tmp_path: Path) -> None:
    guard = "http://job:secret@127.0.0.1:9"
    params = params_for(FetchRequest(TRICKY, tmp_path, cap=5000, proxy=guard))
    assert params["outtmpl"] == {"default": "%(id).60B.%(ext)s"}
    assert params["paths"] == {"home": str(tmp_path), "temp": str(tmp_path)}
    assert params["max_filesize"] == 5000
    assert params["proxy"] == guard  # every request handler, curl-cffi's too
    assert params["external_downloader"] == {"default": "native"}  # no ffmpeg reading URLs
    dangerous = {"exec", "netrc_cmd", "postprocessors", "cookiesfrombrowser"}
    assert dangerous.isdisjoint(params)
    assert TRICKY not in repr(params)
    assert "ratelimit" not in params
    assert "cookiefile" not in params


def test_yt_dlp_gets_rate_limit_and_cookies_when_asked(tmp_path: Path) -> None:
    jar = tmp_path / "c.txt"
    params = params_for(
        FetchRequest("https://x.org/v", tmp_path, 5000, rate_limit=1000, cookies=jar)
    )
    assert params["ratelimit"] == 1000
    assert params["cookiefile"] == str(jar)


def test_formats_must_fit_the_cap_and_merge_only_with_ffmpeg() -> None:
    assert (
        format_spec(Choice(1000, 1000), ffmpeg=False) == "b[filesize<?1000][filesize_approx<?1000]"
    )
    merged = format_spec(Choice(1000, 1000), ffmpeg=True)
    assert merged.startswith("b[filesize<?1000]")
    assert "+ba[filesize<?200]" in merged
    assert "bv*[filesize<?800]" in merged


def test_when_fitting_may_follow_the_smallest_adequate_format_comes_next() -> None:
    picked = format_spec(Choice(1000, 50_000, min_height=240), ffmpeg=True).split("/")
    assert picked[:2] == ["b[filesize<?1000][filesize_approx<?1000]",
                          "bv*[filesize<?800][filesize_approx<?800]+ba[filesize<?200]"
                          "[filesize_approx<?200]"]  # fmt: skip
    assert picked[2].startswith("wv*[height>=240][filesize<?40000]")  # worst adequate
    assert picked[-1] == "w[filesize<?50000][filesize_approx<?50000]"


def test_a_quality_or_audio_choice_narrows_the_formats() -> None:
    tall = format_spec(Choice(1000, 1000, quality=480), ffmpeg=False)
    assert tall == "b[height<=480][filesize<?1000][filesize_approx<?1000]"
    sound = format_spec(Choice(1000, 5000, audio=True), ffmpeg=True)
    assert sound.startswith("ba[filesize<?1000]")
    assert "bv" not in sound


def test_gallery_dl_reads_no_config_file_and_gets_only_our_values(tmp_path: Path) -> None:
    config.set((), "exec", "touch /tmp/owned")  # left over from anywhere: must not survive
    jar = tmp_path / "c.txt"
    guard = "http://job:secret@127.0.0.1:9"
    configure(FetchRequest(TRICKY, tmp_path, cap=5000, rate_limit=10, cookies=jar, proxy=guard))
    assert config.get((), "exec") is None
    assert config.get((), "base-directory") == str(tmp_path)
    assert config.get((), "filesize-max") == 5000
    assert config.get((), "rate") == 10
    assert config.get((), "cookies") == str(jar)
    assert config.get((), "proxy") == guard
    assert config.get((), "postprocessors") is None
    assert TRICKY not in repr(config._config)


def watch(tmp_path: Path, cap: int = 1000) -> tuple[Watch, Recorder]:
    report = Recorder()
    return Watch(FetchRequest("https://x.org/v/clip.mp4", tmp_path, cap), report), report


def test_the_hook_reports_progress_and_finished_files_and_aborts_over_the_cap(
    tmp_path: Path,
) -> None:
    w, report = watch(tmp_path)
    info = {"playlist_index": 2, "n_entries": 3}
    w.hook({"status": "downloading", "downloaded_bytes": 10, "total_bytes": 900, "info_dict": info})
    assert report.seen == [Progress(done=10, total=900, file_index=2, file_count=3)]
    w.hook({"status": "finished", "downloaded_bytes": 900, "filename": "/j/a.mp4"})
    assert report.files == [Path("/j/a.mp4")]
    with pytest.raises(Abort) as caught:
        w.hook({"status": "downloading", "downloaded_bytes": 1001, "filename": "/j/a b.mp4"})
    assert isinstance(caught.value.error, TooLarge)
    assert caught.value.error.data == {"name": "a_b.mp4", "size": 1001, "limit": 1000}


def test_the_max_filesize_notice_and_a_too_large_format_become_too_large(tmp_path: Path) -> None:
    w, _ = watch(tmp_path)
    w.match_filter({"id": "abc", "title": "My clip"})
    with pytest.raises(Abort) as caught:
        w.debug(
            "\r[download] File is larger than max-filesize (5000 bytes > 1000 bytes). Aborting."
        )
    assert caught.value.error.data == {"name": "My_clip", "size": 5000, "limit": 1000}
    selector = _fitting(w, lambda ctx: iter(()))
    with pytest.raises(Abort) as caught:
        list(selector({"formats": [{"filesize": 3000}, {"filesize_approx": 2000}, {}]}))
    assert caught.value.error.data["size"] == 2000
    assert list(selector({"formats": [{}, {"filesize": 10}]})) == []
