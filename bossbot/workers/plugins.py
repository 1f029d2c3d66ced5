"""The job core's plug-ins, run in workers: fetch (through the guard), then check and fit.

What a job may download is its upload cap, or with fitting on the larger ``[fit]
max_download`` (a file that big is fetched to be made to fit); the guard's byte budget
is that plus ``[budgets] overhead``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bossbot.egress.budget import Budget
from bossbot.fetch.base import Choice, ProgressCallback
from bossbot.fetch.outcome import Checked, Fetched
from bossbot.spec import Spec

if TYPE_CHECKING:
    from bossbot.workers.pool import Workers


def download_cap(spec: Spec, cap: int) -> int:
    """The most one file may be to be downloaded for a job posting at most ``cap``."""
    return max(cap, spec.fit.max_download) if spec.fit.enabled else cap


def budget(spec: Spec, cap: int) -> Budget:
    """The guard budget of one download whose files may be ``cap`` bytes each."""
    b = spec.budgets
    return Budget(cap + b.overhead, b.requests, b.min_rate, b.slow_window)


def usable_tiers(spec: Spec, role: str) -> dict[str, int]:
    """The upload limit of each boost level for a member of ``role`` (bounded by the role)."""
    bound = spec.roles[role].max_file_size if role in spec.roles else None
    return {tier: min(limit, bound or limit) for tier, limit in spec.upload.tier_limits.items()}


class JobSteps:
    """``fetch`` and ``validate`` as the executor calls them, each in a fresh worker."""

    def __init__(self, workers: Workers) -> None:
        self.workers = workers

    async def fetch(
        self, url: str, dest: Path, *, spec: Spec, cap: int, on_progress: ProgressCallback,
        cookies_dir: Path | None = None, rate_limit: int = 0, audio: bool = False,
        quality: int | None = None,
    ) -> Fetched:  # fmt: skip
        """Download ``url`` into ``dest``, every connection through the guard."""
        most = download_cap(spec, cap)
        choice = Choice(cap, most, spec.fit.min_height, quality, audio)
        payload = {"url": url, "dest": str(dest), "spec": spec, "cap": most, "choice": choice,
                   "cookies_dir": cookies_dir, "rate_limit": rate_limit}  # fmt: skip
        heard: dict[str, object] = {}
        found = await self.workers.run(
            "fetch", payload, name=f"{dest.name}.fetch", budget=budget(spec, most),
            on_progress=on_progress, dest=dest, cap=most, heard=heard,
        )  # fmt: skip
        info = heard.get("info")
        return Fetched([Path(name) for name in found], info if isinstance(info, dict) else None)

    async def validate(
        self, files: list[Path], *, cap: int, dest: Path,
        on_progress: ProgressCallback | None = None, audio: bool = False, role: str = "",
    ) -> Checked:  # fmt: skip
        """Judge the files by parsing and decoding them, and make them fit (no network).

        A refusal names the boost level that would take a file: only levels whose limit
        the requester's ``role`` may use (a role's ``max_file_size`` bounds every level).
        """
        spec = self.workers.spec
        payload = {"files": [str(f) for f in files], "cap": cap, "dest": str(dest),
                   "most": download_cap(spec, cap), "fit": spec.fit, "audio": audio,
                   "tiers": usable_tiers(spec, role)}  # fmt: skip
        done = await self.workers.run(
            "validate", payload, name=f"{dest.name}.check", on_progress=on_progress
        )
        return Checked([Path(name) for name in done["files"]], list(done["notes"]))
