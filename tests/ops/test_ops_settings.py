"""The operations settings: BOSSBOT_METRICS_ADDR and BOSSBOT_LOG_DIR."""

from __future__ import annotations

from pathlib import Path

import pytest

from bossbot.endpoints import split_addr
from bossbot.settings import SettingsError, load_settings


@pytest.mark.parametrize(
    ("addr", "parts"),
    [("127.0.0.1:9100", ("127.0.0.1", 9100)), ("[::1]:80", ("::1", 80)), ("bot:0", ("bot", 0))],
)
def test_metrics_addresses_are_host_and_port(addr: str, parts: tuple[str, int]) -> None:
    settings = load_settings({"BOSSBOT_METRICS_ADDR": f" {addr} "}, Path("/nonexistent"))
    assert settings.metrics_addr == addr
    assert split_addr(addr) == parts


def test_metrics_are_off_and_log_files_too_by_default() -> None:
    settings = load_settings({"BOSSBOT_METRICS_ADDR": "", "BOSSBOT_LOG_DIR": " "}, Path("/x"))
    assert (settings.metrics_addr, settings.log_dir) == ("", None)
    logs = load_settings({"BOSSBOT_LOG_DIR": "/var/log/b"}, Path("/x")).log_dir
    assert logs == Path("/var/log/b")


def test_a_bad_metrics_address_names_the_variable() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"BOSSBOT_METRICS_ADDR": "9100"}, Path("/nonexistent"))
    assert str(caught.value) == (
        "BOSSBOT_METRICS_ADDR is invalid: expected host:port such as 127.0.0.1:9100, got '9100'"
    )
