"""Each doctor check: what an operator sees for a good and for a broken set-up."""

from __future__ import annotations

import base64
import os
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bossbot.discord.actions import ACTIONS
from bossbot.jobs import SqliteStore
from bossbot.jobs.sqlite import MIGRATIONS
from bossbot.ops.checks import check_dir, check_token
from bossbot.ops.state import check_commands, check_database
from bossbot.ops.tools import check_downloader, check_ffmpeg, release_date

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "123456789012345678"
GOOD = base64.b64encode(APP_ID.encode()).decode().rstrip("=") + ".GhIjKl.secret-part_xyz"


def test_a_well_formed_token_shows_the_application_id_never_the_token() -> None:
    check = check_token(GOOD)
    assert (check.status, check.text) == ("ok", f"well-formed, application id {APP_ID}")
    assert "secret-part" not in check.text


@pytest.mark.parametrize(
    ("token", "says"),
    [
        ("", "is not set"),
        ("   ", "is not set"),
        (f"Bot {GOOD}", "without the prefix"),
        ("just-one-part", "three parts"),
        (f"{GOOD}.extra", "three parts"),
        ("a..b", "three parts"),
        (base64.b64encode(b"not-a-number").decode() + ".x.y", "not an application id"),
        ("%%%%.x.y", "not an application id"),
        (base64.b64encode(b"\xff\xfe").decode() + ".x.y", "not an application id"),
    ],
)
def test_a_bad_token_fails_with_what_to_do(token: str, says: str) -> None:
    check = check_token(token)
    assert check.status == "fail"
    assert says in check.text
    assert "secret-part" not in check.text


def test_a_writable_data_dir_is_ok(tmp_path: Path) -> None:
    check = check_dir("data dir", "BOSSBOT_DATA_DIR", tmp_path)
    assert (check.status, check.text) == ("ok", f"{tmp_path} is writable")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_data_dir_under_a_writable_folder_will_be_created(tmp_path: Path) -> None:
    check = check_dir("data dir", "BOSSBOT_DATA_DIR", tmp_path / "a" / "b")
    assert (check.status, check.text) == ("ok", f"{tmp_path / 'a' / 'b'} will be created at start")
    assert not (tmp_path / "a").exists()


def test_a_file_where_the_data_dir_should_be_fails(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("x")
    assert check_dir("data dir", "BOSSBOT_DATA_DIR", tmp_path / "data").status == "fail"
    below = check_dir("data dir", "BOSSBOT_DATA_DIR", tmp_path / "data" / "sub")
    assert below.status == "fail"
    assert "is not a writable folder" in below.text


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_data_dir_fails(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        assert check_dir("data dir", "BOSSBOT_DATA_DIR", locked).status == "fail"
        assert check_dir("data dir", "BOSSBOT_DATA_DIR", locked / "new").status == "fail"
    finally:
        locked.chmod(0o700)


def test_the_system_ffmpeg_is_used_with_its_version(tmp_path: Path) -> None:
    fake = tmp_path / "ffmpeg"
    fake.write_text("#!/bin/sh\necho 'ffmpeg version 7.1.1-1+b1 Copyright (c) 2000-2025'\n")
    fake.chmod(0o755)
    check = check_ffmpeg(lambda name: str(fake))
    assert (check.status, check.text) == ("ok", f"{fake} (system ffmpeg 7.1.1)")


def test_the_bundled_ffmpeg_fits_files_but_cannot_merge_for_yt_dlp() -> None:
    check = check_ffmpeg(lambda name: None)
    assert check.status == "warn"
    assert re.match(r"\d+\.\d+(\.\d+)? bundled with imageio-ffmpeg fits files", check.text)
    assert "single-file formats" in check.text


def test_no_ffmpeg_at_all_fails(tmp_path: Path) -> None:
    check = check_ffmpeg(lambda name: None, lambda: None)
    assert check.status == "fail"
    assert "uv sync" in check.text
    broken = check_ffmpeg(lambda name: str(tmp_path / "missing"))  # listed, but will not run
    assert broken.text.endswith("(system ffmpeg of unknown version)")


def test_the_downloaders_report_their_versions() -> None:
    today = date(2026, 11, 1)
    assert check_downloader("gallery-dl", "gallery_dl", today).status == "ok"
    import yt_dlp.version

    fresh = release_date(yt_dlp.version.__version__)
    assert fresh is not None
    check = check_downloader("yt-dlp", "yt_dlp", fresh, dated=True)
    assert (check.status, check.text) == ("ok", yt_dlp.version.__version__)


def test_an_old_yt_dlp_is_a_warning_with_the_upgrade_command() -> None:
    import yt_dlp.version

    released = release_date(yt_dlp.version.__version__)
    assert released is not None
    later = date(released.year + 1, released.month, 1)
    check = check_downloader("yt-dlp", "yt_dlp", later, dated=True)
    assert check.status == "warn"
    assert "uv lock --upgrade-package yt-dlp" in check.text


def test_a_missing_downloader_fails() -> None:
    check = check_downloader("nothing", "bossbot_no_such_module", date(2026, 1, 1))
    assert check.status == "fail"
    assert "uv sync" in check.text
    assert release_date("2026.10.26") == date(2026, 10, 26)
    assert release_date("1.32.18") is None
    assert release_date("1.x") is None


def test_the_shipped_commands_file_is_valid() -> None:
    check = check_commands(ROOT / "commands.toml", ACTIONS)
    assert check.status == "ok"
    assert re.search(r": \d+ commands, \d+ roles$", check.text)


def test_a_broken_commands_file_fails_and_points_to_check(tmp_path: Path) -> None:
    broken = tmp_path / "commands.toml"
    text = (ROOT / "commands.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace("attempts = 3", "attempts = 0"), encoding="utf-8")
    check = check_commands(broken, ACTIONS)
    assert check.status == "fail"
    assert check.text.startswith("1 error, first: ")
    assert "`bossbot check` lists all" in check.text
    assert check_commands(tmp_path / "missing.toml", ACTIONS).status == "fail"


def test_a_missing_database_will_be_created(tmp_path: Path) -> None:
    check = check_database(tmp_path)
    assert check.status == "ok"
    assert "will be created" in check.text
    assert not (tmp_path / "jobs.sqlite3").exists()


def test_a_current_database_is_ok_and_left_unchanged(tmp_path: Path) -> None:
    SqliteStore.in_dir(tmp_path).conn.close()
    before = (tmp_path / "jobs.sqlite3").read_bytes()
    assert check_database(tmp_path).text == f"schema version {len(MIGRATIONS)} (current)"
    assert (tmp_path / "jobs.sqlite3").read_bytes() == before


def _database_at(folder: Path, version: int) -> None:
    conn = sqlite3.connect(folder / "jobs.sqlite3")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def test_an_older_schema_warns_to_back_up_before_the_upgrade(tmp_path: Path) -> None:
    _database_at(tmp_path, 0)
    check = check_database(tmp_path)
    assert check.status == "warn"
    assert "back up" in check.text


def test_a_newer_schema_fails(tmp_path: Path) -> None:
    _database_at(tmp_path, 7)
    check = check_database(tmp_path)
    assert check.status == "fail"
    assert "upgrade boss-bot" in check.text


def test_a_file_that_is_not_a_database_fails(tmp_path: Path) -> None:
    (tmp_path / "jobs.sqlite3").write_bytes(b"this is not sqlite" * 100)
    check = check_database(tmp_path)
    assert check.status == "fail"
    assert "restore it from a backup" in check.text
