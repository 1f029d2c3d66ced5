"""One loguru set-up for the whole process; secrets never reach a log line."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import Any

from loguru import logger

FORMAT = (
    "<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> <level>{level: <8}</level> "
    "<cyan>{name}</cyan> {message} <dim>{extra}</dim>"
)


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


def setup_logging(level: str, secrets: Iterable[str] = (), sink: Any = None) -> None:
    """Send every log line to ``sink`` (stderr by default) at ``level``, secrets redacted."""
    logger.remove()
    logger.configure(patcher=redactor(secrets), extra={})
    logger.add(sink or sys.stderr, level=level, format=FORMAT, backtrace=False, diagnose=False)
    logging.basicConfig(handlers=[_Intercept()], level=logging.INFO, force=True)
