"""One loguru set-up for the whole process; secrets never reach a log line."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from loguru import logger

from bossbot.settings import SettingsError

FORMAT = (
    "<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> <level>{level: <8}</level> "
    "<cyan>{name}</cyan> {message}"
)
QUIET = ("httpx", "httpcore")  # one INFO line per request: only their warnings are kept


def console_format(record: Any) -> str:
    """The console line; structured fields (job, guild, user) only when there are some."""
    extra = " <dim>{extra}</dim>" if record["extra"] else ""
    return FORMAT + extra + "\n{exception}"


FILE_FORMAT = "{time:YYYY-MM-DD HH:mm:ss.SSS} {level: <8} {name} {message} {extra}"
LOG_FILE = "bossbot.log"
ROTATION = "10 MB"
RETENTION = "14 days"


class _Intercept(logging.Handler):
    """Forward stdlib logging (hikari, lightbulb, httpx) into loguru."""

    def emit(self, record: logging.LogRecord) -> None:
        """Re-log ``record`` through loguru at the same level."""
        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        logger.opt(exception=record.exc_info, depth=6).log(level, record.getMessage())


def redactor(secrets: Iterable[str]) -> Any:
    """A loguru patcher that replaces each secret with ``[redacted]`` in messages."""
    hidden = [secret for secret in secrets if secret]

    def patch(record: Any) -> None:
        for secret in hidden:
            record["message"] = record["message"].replace(secret, "[redacted]")

    return patch


def setup_logging(
    level: str, secrets: Iterable[str] = (), sink: Any = None, log_dir: Path | None = None
) -> None:
    """Send every log line to ``sink`` (stderr by default) at ``level``, secrets redacted.

    With ``log_dir``, lines also go to ``log_dir/bossbot.log``, rotated at 10 MB into
    gzipped files that are deleted after 14 days.
    """
    logger.remove()
    logger.configure(patcher=redactor(secrets), extra={})
    logger.add(
        sink or sys.stderr, level=level, format=console_format, backtrace=False, diagnose=False
    )
    if log_dir is not None:
        _add_file(log_dir, level)
    logging.basicConfig(handlers=[_Intercept()], level=logging.INFO, force=True)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)


def _add_file(log_dir: Path, level: str) -> None:
    """Add the rotating file sink; an unusable folder is a settings error."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        logger.add(
            log_dir / LOG_FILE,
            level=level,
            format=FILE_FORMAT,
            rotation=ROTATION,
            retention=RETENTION,
            compression="gz",
            encoding="utf-8",
            backtrace=False,
            diagnose=False,
        )
    except OSError as exc:
        raise SettingsError(f"BOSSBOT_LOG_DIR ({log_dir}) is unusable: {exc}") from None
