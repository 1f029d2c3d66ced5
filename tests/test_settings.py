"""Settings from the environment and .env, as an operator writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.settings import SettingsError, load_settings


def test_dotenv_fills_in_and_the_environment_wins(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "# comment\nexport BOSSBOT_LOG_LEVEL=debug\nBOSSBOT_GUILD_IDS = '1, 2'\n"
        "BOSSBOT_DATA_DIR=/from/dotenv\nnot a setting\nOTHER=1\n",
        encoding="utf-8",
    )
    settings = load_settings({"BOSSBOT_DATA_DIR": "/from/env"}, cwd=tmp_path)
    assert settings.log_level == "DEBUG"
    assert settings.guild_ids == (1, 2)
    assert settings.data_dir == Path("/from/env")


def test_defaults_follow_the_runtime_contract(tmp_path: Path) -> None:
    settings = load_settings({}, cwd=tmp_path)
    assert settings.discord_api_url == "https://discord.com/api/v10"
    assert settings.data_dir == Path("data")
    assert settings.commands_file == Path("commands.toml")
    assert settings.guild_ids == ()
    assert settings.allow_private_urls is False


def test_empty_paths_mean_unset_and_the_token_stays_out_of_repr(tmp_path: Path) -> None:
    settings = load_settings(
        {"BOSSBOT_COOKIES_DIR": "", "BOSSBOT_LOG_DIR": " ", "BOSSBOT_DISCORD_TOKEN": "s3cret"},
        cwd=tmp_path,
    )
    assert (settings.cookies_dir, settings.log_dir) == (None, None)
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value", "line"),
    [
        ("BOSSBOT_LOG_LEVEL", "loud", "BOSSBOT_LOG_LEVEL is invalid: must be one of"),
        ("BOSSBOT_ALLOW_PRIVATE_URLS", "perhaps", "BOSSBOT_ALLOW_PRIVATE_URLS is invalid:"),
        ("BOSSBOT_GUILD_IDS", "1,two", "BOSSBOT_GUILD_IDS is invalid:"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_variable(
    tmp_path: Path, name: str, value: str, line: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({name: value}, cwd=tmp_path)
    assert str(caught.value).startswith(line)
    assert "\n" not in str(caught.value)
