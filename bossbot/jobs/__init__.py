"""Downloads as persisted state machines. Start reading at :mod:`bossbot.jobs.life`."""

from bossbot.jobs.clock import Clock, SystemClock
from bossbot.jobs.executor import Executor
from bossbot.jobs.folder import FolderDelivery
from bossbot.jobs.machine import (
    ACTIVE,
    FINAL,
    RUNNING,
    JobMachine,
    TransitionNotAllowed,
    diagram,
    restore,
)
from bossbot.jobs.model import Job, JobRequest
from bossbot.jobs.plugins import Delivery, JobEvent, JobListener
from bossbot.jobs.sqlite import FILENAME, SqliteStore
from bossbot.jobs.store import JobReader, JobStore, LeaseLost

__all__ = [
    "ACTIVE",
    "FILENAME",
    "FINAL",
    "RUNNING",
    "Clock",
    "Delivery",
    "Executor",
    "FolderDelivery",
    "Job",
    "JobEvent",
    "JobListener",
    "JobMachine",
    "JobReader",
    "JobRequest",
    "JobStore",
    "LeaseLost",
    "SqliteStore",
    "SystemClock",
    "TransitionNotAllowed",
    "diagram",
    "restore",
]
