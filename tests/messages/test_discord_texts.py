"""Queue views, upload captions and acknowledgements exactly as members read them."""

from __future__ import annotations

from bossbot.fetch.base import Progress
from bossbot.jobs import Job
from bossbot.messages.discord import accepted_text, cancelled_text, upload_caption
from bossbot.messages.queue import queue_view

ME, OTHER = 1, 2


def job(n: int, state: str = "queued", user: int = OTHER, **kw: object) -> Job:
    return Job(id=f"job{n:03d}", url=f"https://x.com/u/status/{n}", state=state,
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


def test_captions_acknowledgement_and_cancel(snapshot) -> None:
    url = "https://youtu.be/abc"
    texts = [
        accepted_text(url),
        upload_caption(url, 42, 1, 1),
        upload_caption(url, 42, 2, 3),
        cancelled_text("k3v9qa", url, by_other=False),
        cancelled_text("k3v9qa", url, by_other=True),
    ]
    assert texts == snapshot
