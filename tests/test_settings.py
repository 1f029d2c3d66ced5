"""Settings from the environment and .env, as an operator writes them."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest

from bossbot.egress.addresses import AddressPolicy
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
    assert settings.allow_private_urls == AddressPolicy()  # public addresses only


@pytest.mark.parametrize(
    ("value", "allowed", "refused"),
    [
        ("false", [], ["127.0.0.1", "10.0.0.1"]),
        ("true", ["127.0.0.1", "10.0.0.1", "::1"], ["169.254.169.254", "fd00:ec2::254"]),
        ("127.0.0.1/32, 10.0.0.0/8", ["127.0.0.1", "10.9.9.9", "::ffff:127.0.0.1"], ["127.0.0.2"]),
        ("169.254.169.254", ["169.254.169.254"], ["169.254.169.253"]),  # only when named
    ],
)
def test_private_addresses_are_allowed_as_the_setting_says(
    tmp_path: Path, value: str, allowed: list[str], refused: list[str]
) -> None:
    policy = load_settings({"BOSSBOT_ALLOW_PRIVATE_URLS": value}, cwd=tmp_path).allow_private_urls
    assert all(policy.allows(ipaddress.ip_address(a)) for a in [*allowed, "8.8.8.8"])
    assert not any(policy.allows(ipaddress.ip_address(a)) for a in refused)


def test_a_bad_private_address_list_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"BOSSBOT_ALLOW_PRIVATE_URLS": "127.0.0.1/32,intranet"}, cwd=tmp_path)
    assert str(caught.value) == (
        "BOSSBOT_ALLOW_PRIVATE_URLS is invalid: 'intranet' is not an address or network: "
        "use true, false or a comma list such as 127.0.0.1/32,10.0.0.0/8"
    )


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
