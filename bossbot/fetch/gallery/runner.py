"""gallery-dl, embedded in a worker process: its files reported, capped while streaming."""

from __future__ import annotations

import logging
from collections import deque
from pathlib import Path

from gallery_dl import exception, job

from bossbot.errors import NoMedia, TooLarge, Unsupported
from bossbot.fetch.base import FetchRequest, Progress, Report
from bossbot.fetch.describe import from_gallery_dl
from bossbot.fetch.files import display_name, tidy_names
from bossbot.fetch.gallery.errors import map_failure, too_large
from bossbot.fetch.gallery.options import configure

CHUNK_SLACK = 32 * 1024  # gallery-dl's read size: the most a file passes its cap by on disk


class CapReached(BaseException):  # not an Exception: gallery-dl catches every Exception
    """Raised from the progress callback to stop gallery-dl at once (not an Exception)."""


class Output:
    """gallery-dl's output object: collects written paths, reports progress, holds the cap."""

    def __init__(self, request: FetchRequest, report: Report) -> None:
        self.cap, self.report = request.cap, report
        self.written: list[str] = []
        self.skipped: list[str] = []
        self.done = 0
        self.current: str = ""

    def start(self, path: str) -> None:
        """A file starts downloading."""
        self.current = path

    def skip(self, path: str) -> None:
        """A file was skipped (over ``filesize-max``, or already there)."""
        self.skipped.append(path)

    def success(self, path: str) -> None:
        """A file was written completely."""
        self.written.append(path)
        self.done += Path(path).stat().st_size
        self.report.progress(Progress(done=self.done, file_index=len(self.written)), force=True)
        self.report.finished(Path(path))

    def progress(self, total: int | None, downloaded: int, speed: int) -> None:
        """Called after every chunk written: report, and stop once the file passes the cap."""
        if downloaded > self.cap:
            raise CapReached(downloaded)
        index = len(self.written) + 1
        self.report.progress(Progress(self.done + downloaded, None, speed, None, index))


class Describing(job.DownloadJob):
    """gallery-dl's download job, keeping the metadata of the post's first file."""

    first: dict[str, object] | None = None

    def handle_url(self, url: str, kwdict: dict[str, object]) -> None:
        """Download one file (gallery-dl's own), noting the first file's metadata."""
        if self.first is None:
            self.first = dict(kwdict)
        super().handle_url(url, kwdict)


class Log(logging.Handler):
    """Keeps gallery-dl's last log lines, which tell why a download failed."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: deque[str] = deque(maxlen=40)

    def emit(self, record: logging.LogRecord) -> None:
        """Keep one line."""
        self.lines.append(f"[{record.name}][{record.levelname.lower()}] {record.getMessage()}")


def download(request: FetchRequest, report: Report) -> list[Path]:
    """Run gallery-dl to the end; return the files (see :data:`bossbot.fetch.Runner`)."""
    request.dest.mkdir(parents=True, exist_ok=True)
    configure(request)
    log, output = Log(), Output(request, report)
    logging.getLogger().addHandler(log)
    try:
        runner = Describing(request.url)
        runner.out = output
        status = runner.run()
    except exception.NoExtractorError:
        raise Unsupported(f"gallery-dl has no extractor for {request.url}") from None
    except CapReached as reached:
        name, size = display_name(output.current or request.url), int(reached.args[0])
        detail = f"{name}: over {request.cap}"
        raise TooLarge(detail, name=name, size=size, limit=request.cap) from None
    finally:
        logging.getLogger().removeHandler(log)
    files = _results(request, output, status, "\n".join(log.lines))
    category = str(runner.extractor.category)
    report.describe(from_gallery_dl(runner.first or {}, category, request.url))
    return files


def _results(request: FetchRequest, output: Output, status: int, text: str) -> list[Path]:
    """The files gallery-dl wrote inside dest, or the error its run means."""
    root = request.dest.resolve()
    files = [p for p in map(Path, output.written) if p.is_file() and p.resolve().parent == root]
    failure = map_failure(status, text)
    if failure is not None and not files:
        raise failure
    if not files:
        name = display_name(output.skipped[0] if output.skipped else request.url)
        raise too_large(text, name) or NoMedia(f"gallery-dl wrote nothing: {text[-300:]}")
    return tidy_names(files)
