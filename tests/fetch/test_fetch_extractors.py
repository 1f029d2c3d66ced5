"""yt-dlp downloaders from the cached extractor list match yt-dlp's own; warming them up."""

from __future__ import annotations

import yt_dlp
from loguru import logger
from pytest_mock import MockerFixture

from bossbot.fetch.warmup import warm_up
from bossbot.fetch.ytdlp.extractors import default_extractors, new_downloader


def test_a_new_downloader_has_yt_dlps_default_extractors_in_its_order() -> None:
    params = {"quiet": True}
    ours, theirs = new_downloader(params), yt_dlp.YoutubeDL(params)

    assert list(ours._ies.items()) == list(theirs._ies.items())
    assert list(ours._ies)[-1] == "Generic"  # the catch-all is still tried last
    assert ours.params["quiet"] is True


def test_the_list_is_built_once_and_leaves_out_disabled_extractors() -> None:
    assert default_extractors() is default_extractors()
    assert all(extractor._ENABLED for extractor in default_extractors())


def test_warming_up_compiles_every_url_pattern_before_the_first_job() -> None:
    warm_up()

    patterns = [ie for ie in default_extractors() if ie._VALID_URL is not False]
    assert all("_VALID_URL_RE" in ie.__dict__ for ie in patterns)


def test_a_failed_warm_up_is_only_logged(mocker: MockerFixture) -> None:
    mocker.patch("bossbot.fetch.warmup.default_extractors", side_effect=RuntimeError("boom"))
    lines: list[str] = []
    sink = logger.add(lines.append, format="{level} {message} {exception}")
    try:
        warm_up()  # no exception: the bot starts anyway and yt-dlp warms up on first use
    finally:
        logger.remove(sink)

    assert len(lines) == 1
    assert lines[0].startswith("WARNING warming up the downloaders failed")
    assert "RuntimeError: boom" in lines[0]
