"""The job state machine: allowed and refused transitions, restoring stored states."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bossbot.jobs import JobMachine, TransitionNotAllowed, diagram, restore
from bossbot.jobs.machine import ACTIVE, FINAL, RUNNING, InvalidStoredState
from bossbot.jobs.transitions import send

DOC = Path(__file__).resolve().parents[2] / "docs" / "jobs.md"


@dataclass
class Model:
    state: str = "queued"
    attempt: int = 1
    max_attempts: int = 3
    files: tuple[str, ...] = ()

    def attempts_left(self) -> bool:
        return self.attempt < self.max_attempts

    def files_kept(self) -> bool:
        return bool(self.files)


ALLOWED = [
    ("queued", "start", "fetching"),
    ("fetching", "fetched", "validating"),
    ("validating", "validated", "uploading"),
    ("uploading", "delivered", "done"),
    *[(state, "retry", "queued") for state in ("fetching", "validating", "uploading")],
    *[(state, "fail", "failed") for state in sorted(ACTIVE)],
    *[(state, "cancel", "cancelled") for state in sorted(ACTIVE)],
    ("fetching", "recover", "queued"),
    ("validating", "recover", "queued"),
]
REFUSED = [
    ("queued", "fetched"),
    ("queued", "retry"),
    ("queued", "recover"),
    ("fetching", "delivered"),
    ("validating", "start"),
    ("uploading", "recover"),
    *[(state, event) for state in sorted(FINAL) for event in ("start", "cancel", "fail", "retry")],
]


@pytest.mark.parametrize(("state", "event", "target"), ALLOWED)
def test_allowed_transition_moves_the_persisted_state(state: str, event: str, target: str) -> None:
    model = Model(state)
    send(model, event)
    assert model.state == target


@pytest.mark.parametrize(("state", "event"), REFUSED)
def test_refused_transition_raises_and_keeps_the_state(state: str, event: str) -> None:
    model = Model(state)
    with pytest.raises(TransitionNotAllowed):
        send(model, event)
    assert model.state == state


def test_a_job_that_kept_its_validated_files_starts_by_uploading_them() -> None:
    model = Model("queued", attempt=2, files=("clip.mp4",))
    send(model, "start")
    assert model.state == "uploading"


def test_retry_is_refused_when_no_attempt_is_left() -> None:
    model = Model("fetching", attempt=3, max_attempts=3)
    with pytest.raises(TransitionNotAllowed):
        send(model, "retry")
    assert model.state == "fetching"


def test_a_new_model_starts_queued() -> None:
    model = Model(state=None)  # type: ignore[arg-type]
    machine = JobMachine(model)
    assert model.state == "queued"
    assert [s.id for s in machine.configuration] == ["queued"]


@pytest.mark.parametrize("state", sorted(FINAL))
def test_restoring_a_final_state_is_final(state: str) -> None:
    machine = restore(Model(state))
    assert all(s.final for s in machine.configuration)


@pytest.mark.parametrize("state", sorted(RUNNING))
def test_restoring_a_running_state_continues_from_it(state: str) -> None:
    model = Model(state)
    restore(model).send("fail")
    assert model.state == "failed"


@pytest.mark.parametrize("value", ["downloading", "", "DONE"])
def test_restoring_an_unknown_stored_state_is_refused(value: str) -> None:
    with pytest.raises(InvalidStoredState, match="unknown job state"):
        restore(Model(value))


def test_the_documented_diagram_is_the_one_generated_from_the_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f"```mermaid\n{diagram()}```" in text


EVENTS = sorted({str(event) for state in JobMachine.states for t in state.transitions
                 for event in t.events})  # fmt: skip


@pytest.mark.parametrize("state", sorted(JobMachine.states_map))
@pytest.mark.parametrize("event", EVENTS)
def test_send_decides_as_the_machine_for_every_state_event_and_guard(state: str, event: str):
    for attempt, files in [(1, ()), (3, ()), (1, ("clip.mp4",)), (3, ("clip.mp4",))]:
        fast, machine = Model(state, attempt, 3, files), Model(state, attempt, 3, files)
        try:
            restore(machine).send(event)
        except TransitionNotAllowed:
            with pytest.raises(TransitionNotAllowed, match="Can't"):
                send(fast, event)
        else:
            send(fast, event)
        assert fast.state == machine.state, (state, event, attempt, files)
