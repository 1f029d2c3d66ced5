"""The guard as the bot runs it: its own process, credentials handed out over its stdin."""

from __future__ import annotations

import asyncio
import os
import signal

import httpx
import pytest

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.budget import Budget
from bossbot.egress.client import GuardClient, GuardUnavailable
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.timeout(60)
BUDGET = Budget(bytes=10_000, requests=5, min_rate=1, window=60)


@pytest.fixture
async def client() -> GuardClient:
    running = GuardClient(AddressPolicy.parse("127.0.0.1/32"))
    yield running
    await running.stop()


async def test_a_credential_works_until_it_is_closed(
    client: GuardClient, media_server: MediaServer
) -> None:
    url = media_server.add("/a", b"x" * 4000)
    proxy = await client.open("k3v9qa.fetch.1", BUDGET, lambda kind, detail: None)
    async with httpx.AsyncClient(proxy=proxy) as http:
        assert len((await http.get(url)).content) == 4000
        stats = await client.close("k3v9qa.fetch.1")
        assert (await http.get(url)).status_code == 407  # the credential is gone
    assert stats["requests"] == 1
    assert 4000 < stats["read"] < 4500  # the body and its response head
    assert media_server.hits() == 1


async def test_violations_reach_the_bot_as_they_happen(
    client: GuardClient, media_server: MediaServer, private_server: MediaServer
) -> None:
    heard: list[tuple[str, str]] = []
    proxy = await client.open("job", BUDGET, lambda kind, detail: heard.append((kind, detail)))
    big = media_server.add("/big", b"x" * 50_000)
    secret = private_server.add("/secret", b"s")
    async with httpx.AsyncClient(proxy=proxy) as http:
        assert (await http.get(secret)).status_code == 403
        with pytest.raises(httpx.HTTPError):
            await http.get(big)
    for _ in range(100):
        if len(heard) == 2:
            break
        await asyncio.sleep(0.05)
    assert [kind for kind, _ in heard] == ["private", "bytes"]
    assert private_server.hits() == 0


async def test_a_dead_guard_is_started_again_for_the_next_download(
    client: GuardClient, media_server: MediaServer
) -> None:
    url = media_server.add("/a", b"ok")
    await client.open("one", BUDGET, lambda kind, detail: None)
    assert client._process is not None
    os.kill(client._process.pid, signal.SIGKILL)
    await client._process.wait()
    assert await client.close("one") == {}  # no answer will come: nothing to wait for
    with pytest.raises(GuardUnavailable):
        client._send({"op": "close", "name": "one"})
    proxy = await client.open("two", BUDGET, lambda kind, detail: None)
    async with httpx.AsyncClient(proxy=proxy) as http:
        assert (await http.get(url)).content == b"ok"
