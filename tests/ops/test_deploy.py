"""The Dockerfile and the systemd unit say what docs/operations.md promises."""

from __future__ import annotations

import configparser
import fnmatch
import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from bossbot.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def _unit() -> configparser.ConfigParser:
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read(ROOT / "deploy" / "bossbot.service", encoding="utf-8")
    return unit


def test_the_image_installs_the_locked_app_and_runs_it_unprivileged() -> None:
    steps = _instructions()
    of = lambda name: [args for kind, args in steps if kind == name]  # noqa: E731
    assert of("FROM")[0].startswith("python:3.11-slim ")
    assert of("FROM")[-1] == "python:3.11-slim"
    runs = " ".join(of("RUN"))
    assert "apt-get install -y --no-install-recommends ffmpeg" in runs
    assert "pip install --no-cache-dir" in runs
    assert "uv sync --frozen --no-dev" in runs
    assert of("USER") == ["bossbot"]
    assert of("VOLUME") == ['["/data"]']
    assert "BOSSBOT_DATA_DIR=/data" in " ".join(of("ENV"))
    command = json.loads(of("CMD")[-1])
    health = of("HEALTHCHECK")[0].split("CMD", 1)[1]
    for argv in (command, json.loads(health)):  # the verbs and flags the image relies on exist
        assert argv[0] == "bossbot"
        build_parser().parse_args(argv[1:])
    assert command == ["bossbot", "run"]


def test_what_the_image_copies_is_in_the_repo_and_not_docker_ignored() -> None:
    ignored = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    sources = [
        name
        for kind, args in _instructions()
        if kind == "COPY" and not args.startswith("--from")
        for name in shlex.split(args)[:-1]
    ]
    assert {"uv.lock", "pyproject.toml", "bossbot", "commands.toml"} <= set(sources)
    for name in sources:
        assert (ROOT / name).exists(), name
        assert not any(fnmatch.fnmatch(name, pattern) for pattern in ignored), name


def test_the_unit_restarts_on_failure_with_the_data_dir_its_only_writable_path() -> None:
    service = _unit()["Service"]
    assert service["Restart"] == "on-failure"
    assert int(service["RestartSec"]) > 0
    assert service["RestartPreventExitStatus"] == "2"  # bad settings: a restart cannot help
    assert service["EnvironmentFile"] == "/etc/bossbot.env"
    program, *args = service["ExecStart"].split()
    assert (Path(program).name, args) == ("bossbot", ["run"])
    assert Path(program).is_relative_to(service["WorkingDirectory"])
    data_dir = service["Environment"].removeprefix("BOSSBOT_DATA_DIR=")
    assert service["ReadWritePaths"] == data_dir == f"/var/lib/{service['StateDirectory']}"
    for key, value in [("NoNewPrivileges", "true"), ("ProtectSystem", "strict")]:
        assert service[key] == value
    assert service["PrivateTmp"] == "true"
    assert _unit()["Install"]["WantedBy"] == "multi-user.target"


NEEDS_SYSTEMD = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="needs systemd-analyze"
)


def systemd_problems(name: str, folder: Path, instance: str = "") -> list[str]:
    """What ``systemd-analyze verify`` says of ``deploy/NAME`` (as instance ``instance``)."""
    unit = folder / name.replace("@.", f"@{instance}.")
    shutil.copy(ROOT / "deploy" / name, unit)
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, check=False
    )
    return [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and "/opt/bossbot/.venv/bin/bossbot is not executable" not in line
    ]


@NEEDS_SYSTEMD
def test_systemd_knows_every_directive_of_the_unit(tmp_path: Path) -> None:
    assert systemd_problems("bossbot.service", tmp_path) == []


SCALE_UNITS = {"bossbot-gateway@.service": "0-3", "bossbot-worker@.service": "1"}


@pytest.mark.parametrize(("name", "instance"), sorted(SCALE_UNITS.items()))
def test_the_scale_out_units_run_verbs_that_exist_with_data_dirs_of_their_own(
    name: str, instance: str
) -> None:
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str
    unit.read(ROOT / "deploy" / name, encoding="utf-8")
    service = unit["Service"]
    argv = shlex.split(service["ExecStart"].replace("%i", instance))
    argv = [arg.replace("${BOSSBOT_SHARD_COUNT}", "8") for arg in argv]
    assert argv[0] == "/opt/bossbot/.venv/bin/bossbot"
    build_parser().parse_args(argv[1:])
    assert service["RestartPreventExitStatus"] == "2"
    data = service["Environment"].removeprefix("BOSSBOT_DATA_DIR=")
    assert data.endswith("-%i")  # a data dir (temp files) of each instance's own
    assert service["ReadWritePaths"] == data


@NEEDS_SYSTEMD
@pytest.mark.parametrize(("name", "instance"), sorted(SCALE_UNITS.items()))
def test_systemd_knows_every_directive_of_the_scale_out_units(
    tmp_path: Path, name: str, instance: str
) -> None:
    assert systemd_problems(name, tmp_path, instance) == []


def test_the_compose_file_runs_postgres_a_proxy_two_gateways_and_workers() -> None:
    import yaml

    compose = yaml.safe_load((ROOT / "deploy" / "compose.scale.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert {"postgres", "discord-proxy", "migrate", "gateway-0", "gateway-1", "worker"} <= set(
        services
    )
    for name, service in services.items():
        if "command" in service:
            assert service["command"][0] == "bossbot", name
            build_parser().parse_args(service["command"][1:])
    shards = [services[f"gateway-{n}"]["command"][-3:] for n in (0, 1)]
    assert shards == [["2", "--shards", "0"], ["2", "--shards", "1"]]
    env = services["worker"]["environment"]
    assert env["BOSSBOT_DATABASE_URL"].startswith("postgresql://bossbot:")
    assert env["BOSSBOT_DISCORD_API_URL"].startswith("http://discord-proxy:")
