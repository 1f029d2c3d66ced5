"""The download state machine: which job transitions exist, and which are refused."""

from __future__ import annotations

from typing import Protocol

from statemachine import State, StateMachine
from statemachine.exceptions import TransitionNotAllowed

__all__ = [
    "ACTIVE",
    "FINAL",
    "RUNNING",
    "InvalidStoredState",
    "JobMachine",
    "TransitionNotAllowed",
    "diagram",
    "restore",
]


class Stateful(Protocol):
    """What the machine binds to: a model with a persisted ``state`` and attempt counters."""

    state: str
    attempt: int
    max_attempts: int

    def attempts_left(self) -> bool:
        """True when another attempt is allowed after the current one."""
        ...

    def files_kept(self) -> bool:
        """True when validated files wait to be posted (a retried upload)."""
        ...


class InvalidStoredState(ValueError):
    """A stored job row names a state the machine does not know."""


class JobMachine(StateMachine):
    """queued -> fetching -> validating -> uploading -> done; failed/cancelled from any.

    ``start`` goes straight to ``uploading`` when the job kept its validated files (an
    upload that failed and is retried posts them again instead of downloading again).
    """

    queued = State(initial=True)
    fetching = State()
    validating = State()
    uploading = State()
    done = State(final=True)
    failed = State(final=True)
    cancelled = State(final=True)

    start = queued.to(uploading, cond="files_kept") | queued.to(fetching)
    fetched = fetching.to(validating)
    validated = validating.to(uploading)
    delivered = uploading.to(done)
    retry = (
        fetching.to(queued, cond="attempts_left")
        | validating.to(queued, cond="attempts_left")
        | uploading.to(queued, cond="attempts_left")
    )
    fail = queued.to(failed) | fetching.to(failed) | validating.to(failed) | uploading.to(failed)
    cancel = (
        queued.to(cancelled)
        | fetching.to(cancelled)
        | validating.to(cancelled)
        | uploading.to(cancelled)
    )
    recover = fetching.to(queued) | validating.to(queued)


FINAL: frozenset[str] = frozenset(state.value for state in JobMachine.final_states)
ACTIVE: frozenset[str] = frozenset(JobMachine.states_map) - FINAL
RUNNING: frozenset[str] = ACTIVE - {"queued"}


def restore(model: Stateful) -> JobMachine:
    """Bind a machine to ``model``, whose ``state`` was read from the store.

    Raises:
        InvalidStoredState: The stored value is not one of the machine's states.
    """
    if model.state not in JobMachine.states_map:
        raise InvalidStoredState(f"unknown job state {model.state!r}")
    return JobMachine(model, state_field="state")


def diagram() -> str:
    """The machine as a mermaid state diagram, generated from the code."""
    return format(JobMachine, "mermaid").rstrip() + "\n"
