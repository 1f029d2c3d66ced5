"""Figures (value beside target), percentiles, the printed table and the JSON file."""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}  # fmt: skip


@dataclass(slots=True)
class Figure:
    """One measured figure; ``target`` is ``"< 100"`` / ``">= 0.95"``... or empty (context).

    ``key`` is stable across modes (``ack.prefix.dl.paced.p99``); ``name`` is for people.
    """

    key: str
    name: str
    value: float
    unit: str
    target: str = ""
    note: str = ""

    @property
    def ok(self) -> bool | None:
        """Whether the value meets the target (None when there is no target)."""
        if not self.target:
            return None
        op, limit = self.target.split()
        return _COMPARE[op](self.value, float(limit))

    def as_dict(self) -> dict[str, object]:
        """JSON form, with ``ok``."""
        return {**asdict(self), "ok": self.ok}


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def _value(figure: Figure) -> str:
    value = figure.value
    text = f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return f"{text} {figure.unit}".strip()


def table(figures: Sequence[Figure]) -> str:
    """The figures as a Markdown table: figure, value, target, ok/miss."""
    rows = [("figure", "value", "target", "")]
    for fig in figures:
        verdict = {True: "ok", False: "MISS", None: ""}[fig.ok]
        target = f"{fig.target} {fig.unit}".strip() if fig.target else ""
        rows.append((fig.name, _value(fig), target, verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def write_json(path: Path, figures: Sequence[Figure], meta: dict[str, object]) -> None:
    """Write ``{"meta": ..., "figures": [...]}`` to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"meta": meta, "figures": [fig.as_dict() for fig in figures]}
    path.write_text(json.dumps(data, indent=2) + "\n")
