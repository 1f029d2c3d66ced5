"""Queue views, upload captions and acknowledgements exactly as members read them."""

from __future__ import annotations

from bossbot.fetch.base import Progress
from bossbot.jobs import Job
from bossbot.media.info import MediaInfo
from bossbot.messages.discord import (
    accepted_text,
    cancelled_text,
    deleted_text,
    expired_text,
    no_link_text,
    skipped_text,
)
from bossbot.messages.queue import queue_view

ME, OTHER = 1, 2


def job(n: int, state: str = "queued", user: int = OTHER, url: str = "", **kw: object) -> Job:
    return Job(id=f"job{n:03d}", url=url or f"https://x.com/u/status/{n}", state=state,
               requester_id=user, requester_name=f"user{user}", site="twitter", **kw)  # fmt: skip


def test_empty_queue(snapshot) -> None:
    assert queue_view([], [], ME, 50) == snapshot


def test_one_running_job_of_mine(snapshot) -> None:
    running = [job(1, "fetching", ME, progress=Progress(done=3 * 1024**2, total=10 * 1024**2))]
    assert queue_view(running, [], ME, 50) == snapshot


def test_full_queue_is_cut_to_fit_a_message(snapshot) -> None:
    running = [job(n, "fetching", progress=Progress(done=n * 1024**2)) for n in range(5)]
    running[2] = job(2, "uploading", ME)
    waiting = [job(n, user=ME if n % 7 == 0 else OTHER) for n in range(5, 50)]
    text = queue_view(running, waiting, ME, 50)
    assert len(text) <= 2000
    assert text == snapshot


def test_queue_names_jobs_by_title_once_known(snapshot) -> None:
    running = [job(1, "fetching", ME)]
    waiting = [job(2), job(3, user=ME)]
    infos = {
        "job001": MediaInfo(title="Never Gonna Give You Up (Official Video)"),
        "job003": MediaInfo(title="**bold** [masked](https://evil.example) <@1> " + "x" * 80),
    }
    assert queue_view(running, waiting, ME, 50, "$", infos, {"job002"}) == snapshot


def test_a_queue_of_long_links_stays_under_2000_characters() -> None:
    waiting = [job(n, url=f"https://x.com/{n}/" + "a" * 70) for n in range(30)]
    text = queue_view([], waiting, ME, 50)
    assert len(text) <= 2000
    assert text.endswith("more.")


def test_acknowledgement_cancel_delete_and_expired_buttons(snapshot) -> None:
    url = "https://youtu.be/abc"
    texts = [
        accepted_text(url),
        cancelled_text("k3v9qa", url, by_other=False),
        cancelled_text("k3v9qa", url, by_other=True),
        deleted_text("k3v9qa", 1),
        deleted_text("k3v9qa", 3),
        expired_text(),
    ]
    assert texts == snapshot


def test_notes_on_words_that_are_not_links(snapshot) -> None:
    example = "$dl https://x.com/user/status/123"
    texts = [
        no_link_text(example, ()),
        no_link_text(example, ("ftp://a.example/b",)),
        no_link_text(example, ("ftp://a.example/b", "example.org/clip")),
        skipped_text(("example.org/clip",)),
        skipped_text(("a.example/1", "b.example/2", "c.example/3", "d.example/4", "e.example/5")),
    ]
    assert texts == snapshot
