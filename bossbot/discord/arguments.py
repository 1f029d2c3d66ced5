"""A prefix command's words as its options: positional words, then ``--flags``.

``$dl <links> --audio --quality 720 --spoiler --fresh`` says what ``/dl url: audio: True
quality: 720 spoiler: True fresh: True`` says. Options up to the first ``rest`` option
are typed in order; any option may also be given as ``--name value`` (``--name=value``),
and a boolean one as ``--name`` alone. Flags are read first, wherever they stand.
"""

from __future__ import annotations

import re
from typing import Any

from bossbot.spec import Command, Option

FLAG = re.compile(r"^--([a-zA-Z][a-zA-Z0-9_-]*)(?:=(.*))?$")
_CONVERT = {"integer": int, "number": float, "string": str}
YES, NO = {"true", "yes", "on", "1"}, {"false", "no", "off", "0"}


class UsageError(Exception):
    """Arguments that do not fit the command's options; the text says what is wrong."""


def convert(option: Option, raw: str) -> Any:
    """Convert one word to the option's type, and check it is one of its choices."""
    if option.type == "boolean":
        if raw.casefold() not in YES | NO:
            raise UsageError(f"`{option.name}` must be yes or no")
        return raw.casefold() in YES
    try:
        value = _CONVERT[option.type](raw)
    except ValueError:
        raise UsageError(f"`{option.name}` must be a number, not `{raw[:40]}`") from None
    if option.choices and value not in option.choices:
        allowed = ", ".join(str(choice) for choice in option.choices)
        raise UsageError(f"`{option.name}` must be one of {allowed}, not `{raw[:40]}`")
    return value


def take_flags(command: Command, tokens: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The ``--flags`` among ``tokens`` as option values, and the words left over."""
    options = {option.name: option for option in command.options}
    args: dict[str, Any] = {}
    words: list[str] = []
    stream = iter(tokens)
    for token in stream:
        if not (match := FLAG.match(token)):
            words.append(token)
            continue
        name, raw = match.group(1).casefold(), match.group(2)
        if (option := options.get(name)) is None or option.rest:
            known = ", ".join(f"`{o.flag}`" for o in options.values() if not o.rest)
            hint = f"; try {known}" if known else ""
            raise UsageError(f"`--{name[:40]}` is not an option here{hint}")
        if raw is None and option.type != "boolean":
            raw = next(stream, None)
            if raw is None:
                raise UsageError(f"`--{name}` needs a value: `{option.flag}`")
        args[name] = convert(option, raw if raw is not None else "yes")
    return args, words


def parse_args(command: Command, tokens: list[str]) -> dict[str, Any]:
    """Flags first, then the other words onto options in order (a ``rest`` one takes all).

    Options after a ``rest`` option can only be given as flags.
    """
    args, words = take_flags(command, tokens)
    for index, option in enumerate(command.options):
        if option.name in args:
            continue
        if index >= len(words):
            if option.required:
                raise UsageError(f"`{option.name}` is missing")
            break
        raw = " ".join(words[index:]) if option.rest else words[index]
        args[option.name] = convert(option, raw)
        if option.rest:
            break
    return args
