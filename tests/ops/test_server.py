"""The HTTP endpoint on a real loopback port: liveness, a scrape, bad addresses, the probe."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from bossbot.jobs import Job, SqliteStore
from bossbot.ops import Metrics, gateway_alive, probe, problem_of, start_metrics_server
from bossbot.ops.probe import healthz_url
from bossbot.settings import SettingsError


def healthy_unless(alive: list[bool]) -> Callable[[], str | None]:
    return lambda: None if alive[0] else "gateway down"


async def test_healthz_follows_the_gateway_and_metrics_read_the_store(tmp_path: Path) -> None:
    store = SqliteStore.in_dir(tmp_path)
    await store.insert(Job(id="q1", url="u", state="queued"))
    await store.insert(Job(id="d1", url="u", state="done"))
    alive = [True]
    server = await start_metrics_server("127.0.0.1:0", Metrics(store.counts), healthy_unless(alive))
    assert server is not None
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}") as client:
            up = await client.get("/healthz")
            alive[0] = False
            down = await client.get("/healthz")
            scrape = await client.get("/metrics")
            missing = await client.get("/")
    finally:
        await server.stop()
        await store.close()
    assert (up.status_code, up.text) == (200, "ok\n")
    assert (down.status_code, down.text) == (503, "gateway down\n")
    assert scrape.status_code == 200
    assert scrape.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
    lines = scrape.text.splitlines()
    assert 'bossbot_jobs{state="queued"} 1' in lines
    assert 'bossbot_jobs{state="done"} 1' in lines
    assert "bossbot_queue_depth 1" in lines
    assert missing.status_code == 404


async def test_the_endpoint_is_off_without_an_address() -> None:
    assert await start_metrics_server("", Metrics(), lambda: None) is None


@pytest.mark.parametrize("addr", ["9100", "localhost", ":9100", "host:port", "h:70000"])
async def test_a_malformed_address_is_a_one_line_settings_error(addr: str) -> None:
    expected = r"^BOSSBOT_METRICS_ADDR is invalid: expected host:port"
    with pytest.raises(SettingsError, match=expected):
        await start_metrics_server(addr, Metrics(), lambda: None)


async def test_an_address_in_use_is_a_settings_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SettingsError, match="cannot be used"):
            await start_metrics_server(f"127.0.0.1:{port}", Metrics(), lambda: None)


async def test_the_probe_asks_healthz_like_a_container_health_check() -> None:
    alive = [True]
    server = await start_metrics_server("127.0.0.1:0", Metrics(), healthy_unless(alive))
    assert server is not None
    try:
        addr = f"127.0.0.1:{server.port}"
        healthy = await asyncio.to_thread(probe, addr)
        alive[0] = False
        unhealthy = await asyncio.to_thread(probe, addr)
    finally:
        await server.stop()
    gone = await asyncio.to_thread(probe, addr)
    assert (healthy, unhealthy, gone) == (True, False, False)


def test_a_wildcard_bind_is_probed_through_loopback() -> None:
    assert healthz_url("0.0.0.0:9100") == "http://127.0.0.1:9100/healthz"
    assert healthz_url("[::]:9100") == "http://[::1]:9100/healthz"
    assert healthz_url("bot.lan:80") == "http://bot.lan:80/healthz"


def _bot(running: bool, *shards: bool) -> SimpleNamespace:
    return SimpleNamespace(
        is_alive=running, shards={n: SimpleNamespace(is_alive=up) for n, up in enumerate(shards)}
    )


def test_the_gateway_is_alive_while_the_bot_and_every_shard_are() -> None:
    assert gateway_alive(_bot(True, True, True))
    assert not gateway_alive(_bot(True, True, False))
    assert not gateway_alive(_bot(False, True))
    assert not gateway_alive(_bot(True))


class Loops:
    def __init__(self, *failing: str) -> None:
        self.names = list(failing)

    def failing(self) -> list[str]:
        return self.names


def test_healthz_names_the_gateway_first_then_job_loops_that_keep_failing() -> None:
    up, down = _bot(True, True), _bot(False, True)
    assert problem_of(up, Loops()) is None
    assert problem_of(up, None) is None
    assert problem_of(up, Loops("scheduler", "leases")) == "job loops failing: scheduler, leases"
    assert problem_of(down, Loops("scheduler")) == "gateway down"
