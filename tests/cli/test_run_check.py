"""``bossbot check`` and ``bossbot run`` as an operator runs them."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bossbot.cli import main
from tests.discord.conftest import SYNC, reply_to
from tests.fakes.discord.server import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]


def test_check_prints_the_command_table(capsys, snapshot) -> None:
    assert main(["check", str(ROOT / "commands.toml")]) == 0
    assert capsys.readouterr().out == snapshot


def test_check_lists_every_error_and_exits_1(tmp_path: Path, capsys, snapshot) -> None:
    text = (ROOT / "commands.toml").read_text(encoding="utf-8")
    broken = tmp_path / "commands.toml"
    broken.write_text(
        text.replace("max_queue = 50", "max_queue = 0").replace("attempts = 3", "attempts = 0"),
        encoding="utf-8",
    )
    assert main(["check", str(broken)]) == 1
    assert capsys.readouterr().err == snapshot


def test_check_uses_the_commands_file_setting(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BOSSBOT_COMMANDS_FILE", str(tmp_path / "nope.toml"))
    assert main(["check"]) == 1
    assert "cannot read the commands file" in capsys.readouterr().err


def test_run_without_token_is_one_line_and_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("BOSSBOT_DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "BOSSBOT_DISCORD_TOKEN is not set" in err


def test_run_with_a_bad_setting_is_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BOSSBOT_DISCORD_TOKEN", "x.y.z")
    monkeypatch.setenv("BOSSBOT_GUILD_IDS", "general")
    monkeypatch.chdir(tmp_path)
    assert main(["run"]) == 2
    assert capsys.readouterr().err.strip() == (
        "bossbot: BOSSBOT_GUILD_IDS is invalid: Input should be a valid integer, "
        "unable to parse string as an integer"
    )


@pytest.mark.slow
async def test_bossbot_run_process_serves_the_fake_and_stops_on_sigterm(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    env = {**os.environ, **fake_discord.env(), "BOSSBOT_DATA_DIR": str(tmp_path / "data")}
    env["BOSSBOT_COMMANDS_FILE"] = str(ROOT / "commands.toml")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bossbot", "run", env=env, cwd=tmp_path,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await fake_discord.wait_for("PUT", SYNC, timeout=30)
        reply = await reply_to(fake_discord, "$help")
        assert reply["content"].startswith("📖 **Commands you can use**")
        payload = await fake_discord.send_slash("help")
        await fake_discord.wait_for("POST", rf"/interactions/{payload['id']}/", timeout=10)
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 20)
    assert process.returncode == 0
    assert fake_discord.token not in err.decode()
    assert "stopped" in err.decode()
