"""The guard as an attacker meets it: a "public" server on 127.0.0.1, a private one on .2."""

from __future__ import annotations

import asyncio
import ipaddress
import itertools

import httpx
import pytest

from bossbot.egress.addresses import AddressPolicy
from tests.fakes.guard import InProcessGuard
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.timeout(30)


async def raw(guard: InProcessGuard, data: bytes, until_close: bool = True) -> bytes:
    """Send ``data`` to the guard as is; return what it answers until it closes."""
    reader, writer = await asyncio.open_connection("127.0.0.1", guard.port)
    writer.write(data)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(-1) if until_close else reader.read(4096), 10)
    writer.close()
    return answer


async def test_nobody_without_a_credential_gets_through(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/x", b"secret")
    for auth in ("", "Proxy-Authorization: Basic am9iOndyb25n\r\n", "Proxy-Authorization: x\r\n"):
        answer = await raw(guard, f"GET {url} HTTP/1.1\r\n{auth}\r\n".encode())
        assert answer.startswith(b"HTTP/1.1 407 ")
        assert b'Proxy-Authenticate: Basic realm="boss-bot"' in answer
    assert media_server.hits() == 0


async def test_plain_http_reaches_a_public_host_without_our_headers(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/clip.mp4", b"x" * 100_000, content_type="video/mp4")
    async with httpx.AsyncClient(proxy=guard.proxy()) as client:
        response = await client.get(url)
    assert response.content == b"x" * 100_000
    [(_, _, headers)] = media_server.requests
    assert "Proxy-Authorization" not in headers
    assert headers["Connection"] == "close"


@pytest.mark.parametrize("connect", [True, False], ids=["CONNECT", "plain"])
async def test_a_private_host_is_refused_and_never_reached(
    guard: InProcessGuard, private_server: MediaServer, connect: bool
) -> None:
    url = private_server.add("/latest/meta-data/", b"credentials")
    target = f"127.0.0.2:{private_server.port}" if connect else url
    method = "CONNECT" if connect else "GET"
    request = f"{method} {target} HTTP/1.1\r\nProxy-Authorization: {guard.auth()}\r\n\r\n"
    answer = await raw(guard, request.encode())
    assert answer.startswith(b"HTTP/1.1 403 ")
    assert b"127.0.0.2" in answer
    assert private_server.hits() == 0
    assert guard.violations == [("job", "private", "127.0.0.2 resolves to 127.0.0.2")]


async def test_a_tunnel_carries_any_protocol_to_a_public_host(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    media_server.add("/x", b"through the tunnel")
    reader, writer = await asyncio.open_connection("127.0.0.1", guard.port)
    connect = f"CONNECT 127.0.0.1:{media_server.port} HTTP/1.1\r\n"
    writer.write(f"{connect}Proxy-Authorization: {guard.auth()}\r\n\r\n".encode())
    assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 200 ")
    writer.write(b"GET /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
    assert (await asyncio.wait_for(reader.read(-1), 10)).endswith(b"through the tunnel")
    writer.close()


async def test_a_name_that_changes_its_answer_never_reaches_the_private_host(
    media_server: MediaServer,
) -> None:
    private = MediaServer("127.0.0.2")  # the same port on the private address
    await private.start(media_server.port)
    answers = itertools.cycle(["127.0.0.1", "127.0.0.2"])  # DNS rebinding, every lookup

    async def rebinding(host: str, port: int) -> list[ipaddress.IPv4Address]:
        return [ipaddress.IPv4Address(next(answers))]

    guard = InProcessGuard(AddressPolicy.parse("127.0.0.1/32"), rebinding)
    await guard.start()
    try:
        media_server.add("/x", b"public")
        private.add("/x", b"private")
        async with httpx.AsyncClient(proxy=guard.proxy()) as client:
            got = [await client.get(f"http://rebind.test:{media_server.port}/x") for _ in range(6)]
        assert [r.status_code for r in got] == [200, 403] * 3
        assert {r.content for r in got if r.status_code == 200} == {b"public"}
        assert (media_server.hits(), private.hits()) == (3, 0)
        assert [kind for _, kind, _ in guard.violations] == ["private"] * 3
    finally:
        await guard.close()
        await private.close()


async def test_a_mixed_answer_is_refused_whole(
    media_server: MediaServer, private_server: MediaServer
) -> None:
    async def mixed(host: str, port: int) -> list[ipaddress.IPv4Address]:
        return [ipaddress.IPv4Address("127.0.0.1"), ipaddress.IPv4Address("127.0.0.2")]

    guard = InProcessGuard(AddressPolicy.parse("127.0.0.1/32"), mixed)
    await guard.start()
    try:
        async with httpx.AsyncClient(proxy=guard.proxy()) as client:
            response = await client.get(f"http://both.test:{media_server.port}/x")
        assert response.status_code == 403
        assert media_server.hits() == private_server.hits() == 0
    finally:
        await guard.close()
