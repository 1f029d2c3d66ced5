"""Log files: lines land in BOSSBOT_LOG_DIR, rotate, compress, expire; the token never."""

from __future__ import annotations

import gzip
import logging
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from loguru import logger

from bossbot import logs
from bossbot.logs import setup_logging
from bossbot.settings import SettingsError

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.very-secret-token-part"


@pytest.fixture(autouse=True)
def _restore_loguru() -> Iterator[None]:
    yield
    logger.remove()  # closes the file sinks
    logger.configure(patcher=lambda record: None)
    logger.add(sys.stderr)


def test_the_file_and_stderr_get_every_line_with_the_token_redacted(tmp_path: Path) -> None:
    shown: list[str] = []
    setup_logging("INFO", secrets=[TOKEN], sink=shown.append, log_dir=tmp_path / "logs")
    logger.info("connecting with {}", TOKEN)
    logging.getLogger("hikari.gateway").warning("token was %s", TOKEN)
    logger.debug("below the level")
    logger.remove()
    text = (tmp_path / "logs" / "bossbot.log").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert [re.fullmatch(r"\S+ \S+ (\w+) +\S+ (.*)", line).groups() for line in lines] == [
        ("INFO", "connecting with [redacted] {}"),
        ("WARNING", "token was [redacted] {}"),
    ]
    assert len(shown) == 2
    assert TOKEN not in text
    assert not any(TOKEN in line for line in shown)
    assert "\x1b[" not in text  # no colour codes in the file


def test_full_files_are_gzipped_and_old_ones_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "ROTATION", "1 KB")
    folder = tmp_path / "logs"
    folder.mkdir()
    old = folder / "bossbot.2020-01-01_00-00-00_000000.log.gz"
    recent = folder / "bossbot.2020-01-02_00-00-00_000000.log.gz"
    for path, days in [(old, 15), (recent, 13)]:
        path.write_bytes(gzip.compress(b"old\n"))
        stamp = time.time() - days * 86400
        os.utime(path, (stamp, stamp))
    setup_logging("INFO", secrets=[TOKEN], sink=lambda message: None, log_dir=folder)
    for n in range(40):
        logger.info("line {} {}", n, TOKEN)
    logger.remove()
    rotated = sorted(set(folder.glob("bossbot.*.log.gz")) - {recent})
    assert not old.exists()
    assert recent.exists()
    assert rotated
    moved = b"".join(gzip.decompress(path.read_bytes()) for path in rotated)
    current = (folder / "bossbot.log").read_bytes()
    assert len(current) <= 1024
    assert b"line 0 [redacted]" in moved
    assert b"line 39 [redacted]" in moved + current
    assert TOKEN.encode() not in moved + current


def test_a_log_dir_that_cannot_be_made_is_a_settings_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(SettingsError, match=r"^BOSSBOT_LOG_DIR \(.*file\) is unusable"):
        setup_logging("INFO", log_dir=tmp_path / "file")
