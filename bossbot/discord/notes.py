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
        self._hidden_statuses: set[int] = set()  # spoilers of jobs not admitted yet

    def hide(self, status_message_id: int | None, hidden: bool = True) -> None:
        """Mark (or unmark) the job of a status message as a spoiler before it has an id.

        A job is told to listeners while it is admitted, before its id is known here: its
        first status text must not show the link in the clear.
        """
        if status_message_id is not None and hidden:
            self._hidden_statuses.add(status_message_id)
        elif status_message_id is not None:
            self._hidden_statuses.discard(status_message_id)

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
        return self.read(job.id).spoiler or job.status_message_id in self._hidden_statuses

    def info(self, job: Job) -> MediaInfo:
        """What the extractor said about the job's media (empty until the fetch layer says)."""
        return self.read(job.id).info

    def first_post(self, job: Job) -> int | None:
        """The message id of the job's first batch, once posted (or found) here."""
        posts = self.read(job.id).posts
        return posts[min(posts)] if posts else None
