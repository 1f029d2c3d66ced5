"""One option of a command: a slash option, and on the prefix form a word or a ``--flag``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from bossbot.spec.strict import NAME, Strict

MAX_CHOICES = 25  # Discord's limit per option


class Option(Strict):
    """One option of a command (a slash option, or a positional prefix argument).

    Attributes:
        name: The option's name (``/dl quality:``; ``$dl --quality 720``).
        type: ``string``, ``integer``, ``boolean`` or ``number``.
        description: Shown by Discord beside the option (at most 100 characters).
        required: The command cannot run without it.
        rest: Takes every remaining word of a prefix command (a list of links).
        autocomplete: Discord asks the bot for suggestions while the member types.
        choices: The only values allowed (Discord offers them as a list); empty: any.
    """

    name: str = Field(pattern=NAME)
    type: Literal["string", "integer", "boolean", "number"] = "string"
    description: str = Field(min_length=1, max_length=100)
    required: bool = False
    rest: bool = False
    autocomplete: bool = False
    choices: list[int | float | str] = Field([], max_length=MAX_CHOICES)

    @property
    def flag(self) -> str:
        """How the option is typed as a prefix flag: ``--audio``, ``--quality 360|480``."""
        if self.type == "boolean":
            return f"--{self.name}"
        shown = "|".join(str(choice) for choice in self.choices)
        return f"--{self.name} {shown or f'<{self.type}>'}"

    @model_validator(mode="after")
    def _choices_of_its_type(self) -> Option:
        """Choices must have the option's type, and a boolean or a rest option has none."""
        kinds = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": ()}
        wrong = [c for c in self.choices if type(c) not in kinds[self.type]]
        if self.choices and (self.type == "boolean" or self.rest or self.autocomplete):
            raise ValueError("choices are for a plain string, integer or number option")
        if wrong:
            raise ValueError(f"choices must be of type {self.type}, not {wrong[0]!r}")
        return self
