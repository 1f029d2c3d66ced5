"""The Cancel button on status messages, and what a click on it does."""

from __future__ import annotations

import hikari

PREFIX = "bossbot:cancel:"


def cancel_row(rest: hikari.api.RESTClient, job_id: str) -> hikari.api.MessageActionRowBuilder:
    """An action row with one red Cancel button for ``job_id``."""
    row = rest.build_message_action_row()
    row.add_interactive_button(hikari.ButtonStyle.DANGER, PREFIX + job_id, label="Cancel")
    return row


def job_of(custom_id: str) -> str | None:
    """The job id a button's custom id refers to, or None for other buttons."""
    return custom_id.removeprefix(PREFIX) if custom_id.startswith(PREFIX) else None
