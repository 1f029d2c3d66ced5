"""Why a download failed, in the downloaders' own words (taken from their installed source).

Each phrase is looked up in the installed yt-dlp or gallery-dl: a release that rewords a
message fails here, instead of quietly turning a clear refusal into "failed".
"""

from __future__ import annotations

import functools
from pathlib import Path

import gallery_dl
import pytest
import yt_dlp
from yt_dlp.networking.exceptions import HTTPError
from yt_dlp.utils import DownloadError, ExtractorError, GeoRestrictedError

from bossbot.errors import BossError
from bossbot.fetch.gallery.errors import map_failure
from bossbot.fetch.ytdlp.errors import map_error

YT_DLP = [  # (a message yt-dlp raises, as written in its source; the kind it means)
    ("Video unavailable", "unavailable"),
    ("This video has been removed", "unavailable"),
    ("This content is no longer available", "unavailable"),
    ("This video is private", "login_required"),
    ("Private video", "login_required"),
    ("This video is only available for registered users", "login_required"),
    ("Login is required to access age-restricted content", "age_restricted"),
    ("Sensitive content, login required", "age_restricted"),
    ("confirm your age", "age_restricted"),
    ("not available in your country", "geo_blocked"),
    ("No video could be found in this post", "no_media"),
    ("No video could be found in this tweet", "no_media"),
    ("Requested format is not available", "no_media"),
    ("The channel is not currently live", "no_media"),
    ("This livestream has not yet started", "no_media"),
    ("Unsupported URL", "unsupported"),
    ("Unexpected API response", "site_changed"),
]
HTTP = "' for '"  # gallery-dl's http downloader: f"'{code} {response.reason}' for '{url}'"
GALLERY_DL = [  # (its words in its source; a log line it writes; exit status; the kind meant)
    ("Account credentials required", "[twitter][error] AuthRequired: Account credentials "
     "required", 16, "login_required"),
    ("Insufficient privileges to access this resource", "[x][error] AuthorizationError: "
     "Insufficient privileges to access this resource", 16, "login_required"),
    ("could not be found", "[reddit][error] NotFoundError: Requested submission could not be "
     "found", 4, "not_found"),
    (HTTP, "[downloader.http][warning] '404 Not Found' for 'https://i.redd.it/x.png'", 4,
     "not_found"),
    (HTTP, "[downloader.http][warning] '403 Forbidden' for 'u'", 4, "login_required"),
    (HTTP, "[downloader.http][warning] '429 Too Many Requests' for 'u'", 4, "rate_limited"),
    (HTTP, "[downloader.http][warning] '503 Service Unavailable' for 'u' (1/1)", 4,
     "site_down"),
    ("Unsupported URL", "[gallery-dl][error] Unsupported URL 'https://example.org/page'", 64,
     "unsupported"),
    ("nsfw", "[twitter][warning] NSFW content", 4, "age_restricted"),
    ("An unexpected error occurred", "[x][error] An unexpected error occurred: KeyError - "
     "'data'", 1, "download_failed"),
]  # fmt: skip
SOURCES = {"yt_dlp": Path(yt_dlp.__file__).parent, "gallery_dl": Path(gallery_dl.__file__).parent}


@functools.cache
def source(tool: str) -> str:
    """Every line of the installed tool's Python source, lower-cased."""
    return "\n".join(p.read_text(errors="replace") for p in SOURCES[tool].rglob("*.py")).lower()


def wrapped(message: str, *, expected: bool = True) -> DownloadError:
    """The message as yt-dlp raises it to the embedding program."""
    inner = ExtractorError(message, expected=expected)
    return DownloadError(f"ERROR: {inner}", (type(inner), inner, None))


@pytest.mark.parametrize(("message", "kind"), YT_DLP)
def test_yt_dlp_s_own_words_say_why(message: str, kind: str) -> None:
    assert message.lower() in source("yt_dlp")
    assert map_error(wrapped(message)).kind == kind


@pytest.mark.parametrize(("words", "line", "status", "kind"), GALLERY_DL)
def test_gallery_dl_s_own_words_say_why(words: str, line: str, status: int, kind: str) -> None:
    assert words.lower() in source("gallery_dl")
    failure = map_failure(status, line)
    assert failure is not None
    assert failure.kind == kind


def http_error(status: int) -> DownloadError:
    class Response:
        def __init__(self) -> None:
            self.status, self.reason, self.headers, self.url = status, "x", {}, "u"

        def close(self) -> None: ...

    cause = HTTPError(Response())  # type: ignore[arg-type]
    wrapped_error = ExtractorError("Unable to download webpage", cause=cause)
    return DownloadError(f"ERROR: {wrapped_error}", (type(wrapped_error), wrapped_error, None))


@pytest.mark.parametrize(
    ("error", "kind", "transient"),
    [
        (http_error(404), "not_found", False),
        (http_error(403), "login_required", False),
        (http_error(429), "rate_limited", True),
        (http_error(502), "site_down", True),
        (wrapped("[Youtube] abc: Video unavailable"), "unavailable", False),
        (DownloadError("ERROR: The read operation timed out"), "network", True),
        (DownloadError("ERROR: x", (GeoRestrictedError, GeoRestrictedError("Nope"), None)),
         "geo_blocked", False),
        (wrapped("Unable to extract title", expected=False), "site_changed", False),
        (wrapped("Something we never heard of", expected=False), "site_changed", False),
        (wrapped("Something we never heard of", expected=True), "download_failed", False),
        (DownloadError("ERROR: HTTP Error 418: teapot"), "download_failed", False),
    ],
)  # fmt: skip
def test_only_network_server_and_rate_limit_errors_are_worth_a_retry(
    error: Exception, kind: str, transient: bool
) -> None:
    mapped: BossError = map_error(error)
    assert (mapped.kind, mapped.transient) == (kind, transient)


def test_a_gallery_dl_run_that_did_not_fail_is_no_failure() -> None:
    assert map_failure(0, "[twitter][warning] cookies expired") is None
