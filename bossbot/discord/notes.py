"""What the Discord side knows of a job beyond its row: the ids of its posts.

Whether the member hid the link (``Job.spoiler``) and what the extractor said of the media
(``Job.info``) are on the job row, persisted; :class:`JobNotes` reads them the way the
Discord side shows them. The ids of a job's posts are Discord's facts and are kept here,
in memory (the channel holds them too: ``posts_of``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bossbot.jobs import Job
from bossbot.media.info import MediaInfo


@dataclass(slots=True)
class Note:
    """One job's facts on Discord: ``posts`` (batch index -> message id)."""

    posts: dict[int, int] = field(default_factory=dict)


class JobNotes:
    """Notes by job id, from the request until the job's result needs them no more."""

    def __init__(self) -> None:
        self._notes: dict[str, Note] = {}

    def write(self, job_id: str) -> Note:
        """The job's note, to change (created when missing)."""
        return self._notes.setdefault(job_id, Note())

    def read(self, job_id: str) -> Note:
        """The job's note as it stands (an empty one when nothing was noted)."""
        return self._notes.get(job_id) or Note()

    def forget(self, job_id: str) -> None:
        """Drop the job's note (its result is final and its buttons are gone)."""
        self._notes.pop(job_id, None)

    @staticmethod
    def spoiler(job: Job) -> bool:
        """Whether the job's files are posted as spoilers (``SPOILER_`` file names)."""
        return job.spoiler

    @staticmethod
    def info(job: Job) -> MediaInfo:
        """What the extractor said about the job's media (empty until it was fetched)."""
        return MediaInfo.from_mapping(job.info)

    def first_post(self, job: Job) -> int | None:
        """The message id of the job's first batch, once posted (or found) here."""
        posts = self.read(job.id).posts
        return posts[min(posts)] if posts else None
