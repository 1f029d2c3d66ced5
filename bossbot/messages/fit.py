"""What members read about fitting: the compressing line, what was done, and refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bossbot.messages.progress import duration
from bossbot.spec.units import format_size

if TYPE_CHECKING:
    from bossbot.fit.result import FitResult


def _sizes(result: FitResult) -> str:
    return f"{format_size(result.size_before)} → {format_size(result.size_after)}"


def fit_summary(result: FitResult) -> str | None:
    """One line on what was done to a file, or None when it was posted as it came."""
    before, after = result.format_before, result.format_after
    if result.action == "kept":
        return None
    if result.kind == "audio" and not result.over_cap:
        return f"🎵 audio only, {after} {format_size(result.size_after)}"
    if result.action == "remuxed":
        return f"📦 repackaged {before} → {after}, nothing re-encoded"
    if result.kind == "animation":
        return f"🎞️ {before} turned into a video: {_sizes(result)}"
    changes = [f"{before} → {after}"] if before != after else []
    if result.height_after != result.height_before:
        unit = "p" if result.kind == "video" else " px"
        changes.append(f"{result.height_before}{unit} → {result.height_after}{unit}")
    if result.over_cap:
        return ", ".join([f"🗜️ compressed {_sizes(result)}", *changes])
    if result.kind == "image":
        return f"🖼️ converted {', '.join(changes)}"
    return f"🎞️ re-encoded to play here: {', '.join([*changes, 'H.264 + AAC'])}"


def _cannot_fit(data: dict[str, Any]) -> str:
    """Even the floor is over the cap: the numbers, and what would work."""
    if not {"duration", "limit", "needed", "fits_duration"} <= data.keys():
        return "🗜️ That video is too long to shrink under the size limit here. Try a shorter clip."
    name = f"`{data['name']}`" if data.get("name") else "That video"
    floor = f"{data['min_height']}p" if data.get("min_height") else f"{data.get('min_kbps')} kb/s"
    fits = data["fits_duration"]
    shorter = f"a clip up to {duration(fits)} fits" if fits >= 1 else "no clip fits"
    boost = (
        f"server boost level {data['tier']} ({format_size(data['tier_limit'])} per file) "
        "would take all of it"
        if data.get("tier") and data.get("tier_limit")
        else "no server boost level would take all of it"
    )
    return (
        f"🗜️ {name} runs {duration(data['duration'])}: even shrunk to {floor} it needs about "
        f"{format_size(data['needed'])}, over the {format_size(data['limit'])} limit here. "
        f"At this limit {shorter}; {boost}."
    )


def _too_long(data: dict[str, Any]) -> str:
    """Longer than fitting tries (``max_duration``)."""
    name = f"`{data['name']}`" if data.get("name") else "That video"
    if "duration" not in data or "max_duration" not in data:
        return f"⏱️ {name} is too long for me to shrink under the size limit. Try a shorter clip."
    return (
        f"⏱️ {name} runs {duration(data['duration'])} and is over the size limit here; I only "
        f"shrink videos up to {duration(data['max_duration'])}. Try a shorter clip."
    )


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "cannot_fit": _cannot_fit,
    "too_long_to_fit": _too_long,
}
"""Error kinds whose message depends on which facts are known (see messages.errors)."""
