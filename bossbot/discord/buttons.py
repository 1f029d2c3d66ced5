"""Our buttons and their custom ids: Cancel on status messages, Delete on posted files.

The Delete button is also the delivery's marker: Discord returns components with fetched
messages (unlike nonces), so ``bossbot:delete:<job>:<batch>`` says, even after a crash,
which batches of a job are already posted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import hikari

CANCEL, DELETE = "bossbot:cancel:", "bossbot:delete:"
Click = tuple[Literal["cancel", "delete"], str]


def cancel_row(rest: hikari.api.RESTClient, job_id: str) -> hikari.api.MessageActionRowBuilder:
    """An action row with one red Cancel button for ``job_id``."""
    row = rest.build_message_action_row()
    row.add_interactive_button(hikari.ButtonStyle.DANGER, CANCEL + job_id, label="Cancel")
    return row


def delete_row(
    rest: hikari.api.RESTClient, job_id: str, batch: int
) -> hikari.api.MessageActionRowBuilder:
    """An action row with the grey Delete button of batch ``batch`` of ``job_id``."""
    row = rest.build_message_action_row()
    custom_id = f"{DELETE}{job_id}:{batch}"
    row.add_interactive_button(hikari.ButtonStyle.SECONDARY, custom_id, emoji="🗑️", label="Delete")
    return row


def clicked(custom_id: str) -> Click | None:
    """What a click on one of our buttons asks for, and for which job; None for others."""
    if custom_id.startswith(CANCEL):
        return "cancel", custom_id.removeprefix(CANCEL)
    if custom_id.startswith(DELETE):
        return "delete", custom_id.removeprefix(DELETE).partition(":")[0]
    return None


def batches_in(message: hikari.Message, job_id: str) -> Iterator[int]:
    """The batch numbers of ``job_id`` whose Delete button ``message`` carries."""
    marker = f"{DELETE}{job_id}:"
    for row in message.components:
        for component in getattr(row, "components", ()):
            custom_id = getattr(component, "custom_id", None) or ""
            if custom_id.startswith(marker) and custom_id[len(marker) :].isdigit():
                yield int(custom_id[len(marker) :])
