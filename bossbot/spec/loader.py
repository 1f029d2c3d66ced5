"""Read ``commands.toml``: every error at once, each naming file, line, table and key."""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from pathlib import Path

from pydantic import ValidationError

from bossbot.spec.crosscheck import cross_check
from bossbot.spec.document import Spec


class SpecError(Exception):
    """The spec file is unusable; ``problems`` holds one line per error."""

    def __init__(self, problems: list[str]) -> None:
        """Keep the problem lines; the exception text is all of them."""
        super().__init__("\n".join(problems))
        self.problems = problems


def _line_of(lines: list[str], loc: tuple[str | int, ...]) -> int | None:
    """Find the line of a dotted location such as ``commands.help.summary``."""
    keys = [str(part) for part in loc if not isinstance(part, int)]
    for cut in range(len(keys), 0, -1):
        table, key = ".".join(keys[: cut - 1]), keys[cut - 1]
        header = None if not table else f"[{table}]"
        inside = header is None
        for number, raw in enumerate(lines, start=1):
            text = raw.strip()
            if text.startswith("["):
                if inside and header is not None and text != header:
                    break
                inside = inside or text in (header, f"[{table}.{key}]", f"[[{table}.{key}]]")
                if text in (f"[{table}.{key}]".lstrip("."), f"[[{table}.{key}]]"):
                    return number
            elif inside and text.split("=")[0].strip() == key:
                return number
    return None


def _where(path: Path, lines: list[str], loc: tuple[str | int, ...]) -> str:
    """Format ``file:line: [table] key`` for an error location."""
    keys = [str(part) for part in loc]
    line = _line_of(lines, loc)
    table, key = ".".join(keys[:-1]) or "top level", keys[-1] if keys else "?"
    return f"{path.name}:{line or '?'}: [{table}] {key}"


def parse_spec(text: str, path: Path, actions: Collection[str]) -> Spec:
    """Validate spec text; ``actions`` are the action names a command may name.

    Raises:
        SpecError: With every problem found.
    """
    lines = text.splitlines()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SpecError([f"{path.name}: not valid TOML: {exc}"]) from None
    problems: list[str] = []
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        problems += [
            f"{_where(path, lines, err['loc'])}: {err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors()
        ]
    problems += [f"{_where(path, lines, loc)}: {msg}" for loc, msg in cross_check(data, actions)]
    if problems:
        raise SpecError(problems)
    return spec


def load_spec(path: Path, actions: Collection[str]) -> Spec:
    """Read and validate the spec file at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError([f"{path}: cannot read the commands file ({exc.strerror})"]) from None
    return parse_spec(text, path, actions)
