"""Downloads as persisted state machines: the machine, the store and the executor."""

from bossbot.jobs.clock import Clock, SystemClock
from bossbot.jobs.delivery import Delivery, FolderDelivery, JobListener
from bossbot.jobs.executor import Executor
from bossbot.jobs.machine import FINAL, JobMachine, TransitionNotAllowed, diagram, restore
from bossbot.jobs.model import Job, JobEvent, JobRequest
from bossbot.jobs.store import FILENAME, JobStore

__all__ = [
    "FILENAME",
    "FINAL",
    "Clock",
    "Delivery",
    "Executor",
    "FolderDelivery",
    "Job",
    "JobEvent",
    "JobListener",
    "JobMachine",
    "JobRequest",
    "JobStore",
    "SystemClock",
    "TransitionNotAllowed",
    "diagram",
    "restore",
]
