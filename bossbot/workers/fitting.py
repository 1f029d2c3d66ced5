"""The check step in a worker: parse, decode, then fit each file to the upload cap.

Fitting reports its progress as a ``compress`` stage (``recompress`` when an encode
overshot and is done again), so the status message shows "🗜️ Compressing… 40 %".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bossbot.errors import TooLarge
from bossbot.fetch.base import Progress
from bossbot.fit import FitProgress, fit_file
from bossbot.fit.streams import MediaInfo
from bossbot.media import sniff_file, validate
from bossbot.media.names import sanitize_filename
from bossbot.workers.channel import Channel

Decodes = Callable[[Path, str, Any], MediaInfo | None]


def _reporter(channel: Channel, index: int, count: int) -> Callable[[FitProgress], None]:
    """Fit progress as the job's progress (per mille of the encode)."""

    def report(progress: FitProgress) -> None:
        stage = "compress" if progress.attempt == 1 else "recompress"
        done, total = int(progress.fraction * 1000), 1000 if progress.total else None
        channel.progress(Progress(done, total, None, progress.eta, index, count, stage))

    return report


def fit_all(payload: dict[str, Any], channel: Channel, decodes: Decodes) -> dict[str, list[str]]:
    """Check, then fit every file; the files to post and what fitting did to each."""
    fit, cap, dest = payload["fit"], payload["cap"], Path(payload["dest"])
    files = [Path(name) for name in payload["files"]]
    checked = validate(files, cap=payload["most"] if fit.enabled else cap, dest=dest)
    posted, notes = [], []
    for index, path in enumerate(checked, start=1):
        info = decodes(path, sniff_file(path) or "", fit)
        if not fit.enabled:
            posted.append(path)
            notes.append("")
            continue
        result = fit_file(
            path, cap=cap, fit=fit, workdir=dest / "fitted", tiers=payload["tiers"],
            on_progress=_reporter(channel, index, len(checked)), audio_only=payload["audio"],
            info=info,
        )  # fmt: skip
        if result.path != path:
            path.unlink(missing_ok=True)
        if result.path.stat().st_size > cap:  # fitting promises this; never post more
            name = sanitize_filename(result.path.name)
            raise TooLarge(name, name=name, size=result.path.stat().st_size, limit=cap)
        posted.append(result.path)
        notes.append(result.summary or "")
    return {"files": [str(path) for path in posted], "notes": notes}
