"""Doctor says which of yt-dlp's extras are there, and what breaks without each."""

from __future__ import annotations

from pathlib import Path

from bossbot.ops.extras import check_deno, check_extras


def test_every_extra_is_present_after_uv_sync() -> None:
    assert [check.status for check in check_extras()] == ["ok"] * 5


def test_a_missing_extra_says_what_breaks_and_how_to_fix_it(snapshot) -> None:
    lines = [f"{c.status} {c.name}: {c.text}" for c in check_extras(lambda module: False)]
    assert lines == snapshot


def test_deno_missing_or_broken_means_no_youtube(tmp_path: Path) -> None:
    assert check_deno(lambda: None).text.startswith("missing: YouTube downloads fail")
    broken = tmp_path / "deno"
    broken.write_text("not a program")
    assert "does not run: YouTube downloads fail" in check_deno(lambda: str(broken)).text
    assert check_deno().status == "ok"
