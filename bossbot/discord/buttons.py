"""Our buttons and their custom ids: Cancel on status messages, Delete and Retry on posts.

The Delete button is also the delivery's marker: Discord returns components with fetched
messages (unlike nonces), so ``bossbot:delete:<job>:<batch>`` says, even after a crash,
which batches of a job are already posted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import hikari

CANCEL, DELETE, RETRY = "bossbot:cancel:", "bossbot:delete:", "bossbot:retry:"
Click = tuple[Literal["cancel", "delete", "retry"], str]


def cancel_row(rest: hikari.api.RESTClient, job_id: str) -> hikari.api.MessageActionRowBuilder:
    """An action row with one red Cancel button for ``job_id``."""
    row = rest.build_message_action_row()
    row.add_interactive_button(hikari.ButtonStyle.DANGER, CANCEL + job_id, label="Cancel")
    return row


def result_row(
    rest: hikari.api.RESTClient, job_id: str, batch: int
) -> hikari.api.MessageActionRowBuilder:
    """An action row with the grey Delete button of batch ``batch`` of ``job_id``, and Retry."""
    row, grey = rest.build_message_action_row(), hikari.ButtonStyle.SECONDARY
    row.add_interactive_button(grey, f"{DELETE}{job_id}:{batch}", emoji="🗑️", label="Delete")
    row.add_interactive_button(grey, RETRY + job_id, emoji="🔁", label="Retry")
    return row


def clicked(custom_id: str) -> Click | None:
    """What a click on one of our buttons asks for, and for which job; None for others."""
    if custom_id.startswith(CANCEL):
        return "cancel", custom_id.removeprefix(CANCEL)
    if custom_id.startswith(DELETE):
        return "delete", custom_id.removeprefix(DELETE).partition(":")[0]
    if custom_id.startswith(RETRY):
        return "retry", custom_id.removeprefix(RETRY)
    return None


def batches_in(message: hikari.Message, job_id: str) -> Iterator[int]:
    """The batch numbers of ``job_id`` whose Delete button ``message`` carries."""
    marker = f"{DELETE}{job_id}:"
    for row in message.components:
        for component in getattr(row, "components", ()):
            custom_id = getattr(component, "custom_id", None) or ""
            if custom_id.startswith(marker) and custom_id[len(marker) :].isdigit():
                yield int(custom_id[len(marker) :])
