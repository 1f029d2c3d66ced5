"""What the verbs share: loading settings and spec, opening the store, logging."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from bossbot.jobs import JobStore
from bossbot.jobs.store import SchemaError
from bossbot.jobs.stores import open_store as open_job_store
from bossbot.logs import setup_logging
from bossbot.settings import Settings, SettingsError, load_settings
from bossbot.spec import Spec, load_spec, parse_size


def settings_and_spec() -> tuple[Settings, Spec]:
    """Settings from the environment and the validated commands file they name.

    Raises:
        SettingsError: A bad setting. SpecError: An invalid commands file.
    """
    from bossbot.discord.actions import ACTIONS  # lazily: hikari is slow to import

    settings = load_settings()
    return settings, load_spec(settings.commands_file, ACTIONS)


def open_store(settings: Settings) -> JobStore:
    """The job store the settings name (connect it before use).

    An unusable data dir is a settings error; an unusable PostgreSQL server raises
    StoreError at ``connect`` (both one line and exit code 2).
    """
    try:
        return open_job_store(settings)
    except (OSError, sqlite3.Error, SchemaError) as exc:
        raise SettingsError(f"BOSSBOT_DATA_DIR ({settings.data_dir}) is unusable: {exc}") from None


def quiet_logs(settings: Settings) -> None:
    """Log to the current stderr; below WARNING only when BOSSBOT_LOG_LEVEL asks for it."""
    level = settings.log_level if "log_level" in settings.model_fields_set else "WARNING"
    setup_logging(level, sink=lambda message: sys.stderr.write(message))


def byte_size(text: str) -> int:
    """``--cap``'s value in bytes (``10MiB``, ``25MB``), or argparse's clear refusal."""
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
