"""Applying an event to a stored job, as :class:`~bossbot.jobs.machine.JobMachine` decides.

The machine declares states, transitions and guards and no actions, so its transitions,
read once into ``TRANSITIONS``, are all there is to a send: a machine built per call costs
about 0.6 ms, which every store write would pay. A test checks that this and the machine
agree on every state, event and guard.
"""

from __future__ import annotations

from bossbot.jobs.machine import InvalidStoredState, JobMachine, Stateful, TransitionNotAllowed


def _transitions() -> dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]]:
    """(state, event) -> [(target, guards)] in the machine's order, read from JobMachine."""
    table: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {}
    for state in JobMachine.states:
        for move in state.transitions:
            for event in move.events:
                guards = tuple(str(spec.func) for spec in move.cond)
                table.setdefault((state.value, str(event)), []).append((move.target.value, guards))
    return table


TRANSITIONS = _transitions()


def send(model: Stateful, event: str) -> None:
    """Apply ``event`` to ``model`` (its ``state`` changes in place), as JobMachine would.

    Raises:
        TransitionNotAllowed: The event is not allowed from the current state.
        InvalidStoredState: The model's state is unknown.
    """
    if model.state not in JobMachine.states_map:
        raise InvalidStoredState(f"unknown job state {model.state!r}")
    for target, guards in TRANSITIONS.get((model.state, event), ()):
        if all(getattr(model, guard)() for guard in guards):
            model.state = target
            return
    current = {JobMachine.states_map[model.state]}
    raise TransitionNotAllowed(getattr(JobMachine, event, None), current)
