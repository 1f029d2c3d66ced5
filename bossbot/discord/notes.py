"""What the Discord side knows of a job beyond its row: the seam to the job model.

A job row does not hold (yet) whether the member hid the link as a spoiler, nor what the
extractor said about the media. Both belong on the job, persisted, and are proposed to the
job core as ``Requested.spoiler: bool`` and ``Job.info: dict | None`` (written with the
``fetched`` step; :class:`~bossbot.media.info.MediaInfo` names its keys). Until then they
are kept here, in memory: a restart forgets them, so a resumed job is posted without
spoiler and captioned with its link only. The ids of a job's posts are Discord's facts and
belong here (the channel holds them too: ``posts_of``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bossbot.jobs import Job
from bossbot.media.info import MediaInfo


@dataclass(slots=True)
class Note:
    """One job's facts: ``spoiler``, the extractor's ``info``, ``posts`` (batch -> message id)."""

    spoiler: bool = False
    info: MediaInfo = field(default_factory=MediaInfo)
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

    def spoiler(self, job: Job) -> bool:
        """Whether the job's files are posted as spoilers (``SPOILER_`` file names)."""
        return self.read(job.id).spoiler

    def info(self, job: Job) -> MediaInfo:
        """What the extractor said about the job's media (empty until the fetch layer says)."""
        return self.read(job.id).info

    def first_post(self, job: Job) -> int | None:
        """The message id of the job's first batch, once posted (or found) here."""
        posts = self.read(job.id).posts
        return posts[min(posts)] if posts else None
