"""yt-dlp downloaders from the cached extractor list match yt-dlp's own; the zygote's warm-up."""

from __future__ import annotations

import importlib

import yt_dlp

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


def test_the_zygote_compiles_every_url_pattern_before_the_first_worker() -> None:
    importlib.import_module("bossbot.workers.preload")  # what the zygote imports first

    patterns = [ie for ie in default_extractors() if ie._VALID_URL is not False]
    assert all("_VALID_URL_RE" in ie.__dict__ for ie in patterns)
