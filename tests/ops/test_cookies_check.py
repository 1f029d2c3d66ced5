"""Doctor tells the admin which cookies file each site group would use."""

from __future__ import annotations

import tomllib
from pathlib import Path

from bossbot.ops.cookies import check_cookies
from bossbot.spec import Spec
from tests.fakes.jobs import make_spec
from tests.fetch.conftest import COMMANDS

SPEC = Spec.model_validate(tomllib.loads(COMMANDS.read_text()))


def test_without_a_cookies_folder_the_admin_is_told_how_to_add_one() -> None:
    check = check_cookies(None, SPEC)
    assert check.status == "ok"
    assert "set BOSSBOT_COOKIES_DIR" in check.text
    assert "instagram" in check.text


def test_the_files_there_and_the_files_that_would_be_read(tmp_path: Path) -> None:
    (tmp_path / "instagram.txt").write_text("# Netscape HTTP Cookie File\n")
    check = check_cookies(tmp_path, SPEC)
    assert f"{tmp_path}: instagram.txt; would be read if added: twitter.txt" in check.text
    assert "instagram.txt," not in check.text.split(";")[1]


def test_a_cookies_setting_that_is_no_folder_is_a_warning(tmp_path: Path) -> None:
    assert check_cookies(tmp_path / "nope", make_spec()).status == "warn"
