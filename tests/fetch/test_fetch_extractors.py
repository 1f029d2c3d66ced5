"""yt-dlp downloaders built from the cached extractor list match yt-dlp's own set-up."""

from __future__ import annotations

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
