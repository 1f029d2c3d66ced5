"""A job's budgets at the guard: bytes read, requests made, and the slowest rate tolerated."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from aiohttp import web

from bossbot.egress.budget import Budget
from tests.fakes.guard import InProcessGuard
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.timeout(30)


async def test_reading_stops_exactly_at_the_byte_budget(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/page.html", b"<p>" * 100_000, content_type="text/html")
    proxy = guard.proxy(budget=Budget(bytes=50_000, requests=10, min_rate=1, window=60))
    received = bytearray()

    async def read(client: httpx.AsyncClient) -> None:
        async with client.stream("GET", url) as response:
            async for chunk in response.aiter_raw():
                received.extend(chunk)

    async with httpx.AsyncClient(proxy=proxy) as client:
        with pytest.raises(httpx.HTTPError):
            await read(client)
        answer = await client.get(url)
    assert len(received) < 50_000  # the response head counted too: nothing past the budget
    assert guard.ledger.tokens["job"].read == 50_000
    assert answer.status_code == 403  # the job's later requests are refused
    assert [kind for _, kind, _ in guard.violations] == ["bytes"]


async def test_a_finished_file_lets_the_job_read_that_much_again(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/a.png", b"x" * 30_000)
    proxy = guard.proxy(budget=Budget(bytes=40_000, requests=10, min_rate=1, window=60))
    async with httpx.AsyncClient(proxy=proxy) as client:
        assert len((await client.get(url)).content) == 30_000
        guard.ledger.tokens["job"].extra += 30_000  # what the bot's "grow" does
        assert len((await client.get(url)).content) == 30_000
    assert guard.violations == []


async def test_the_request_budget_is_counted_across_connections(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/a", b"ok")
    proxy = guard.proxy(budget=Budget(bytes=10**6, requests=3, min_rate=1, window=60))
    async with httpx.AsyncClient(proxy=proxy) as client:
        codes = [(await client.get(url)).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 403, 403]
    assert media_server.hits() == 3
    assert [kind for _, kind, _ in guard.violations] == ["requests"]


@pytest.fixture
async def dribbling() -> str:
    """A server that sends one byte a second, forever (a slow-loris download)."""

    async def slow(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "video/mp4"})
        await response.prepare(request)
        for _ in range(120):
            await response.write(b"x")
            await asyncio.sleep(1)
        return response

    app = web.Application()
    app.router.add_get("/slow.mp4", slow)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/slow.mp4"
    await runner.cleanup()


async def test_a_download_below_the_minimum_rate_is_stopped_after_its_window(
    guard: InProcessGuard, dribbling: str
) -> None:
    proxy = guard.proxy(budget=Budget(bytes=10**6, requests=10, min_rate=1000, window=3))
    started = time.monotonic()
    async with httpx.AsyncClient(proxy=proxy, timeout=60) as client:
        with pytest.raises(httpx.HTTPError):
            await client.get(dribbling)
    assert time.monotonic() - started < 3 + 2  # the window, and at most a tick more
    assert [kind for _, kind, _ in guard.violations] == ["slow"]


async def test_an_idle_connection_between_requests_is_not_slow(
    guard: InProcessGuard, media_server: MediaServer
) -> None:
    url = media_server.add("/a", b"ok")
    proxy = guard.proxy(budget=Budget(bytes=10**6, requests=10, min_rate=10**6, window=2))
    async with httpx.AsyncClient(proxy=proxy) as client:
        await client.get(url)
        await asyncio.sleep(3.5)  # nothing asked, nothing owed: not a stall
        assert (await client.get(url)).status_code == 200
    assert guard.violations == []


@pytest.mark.parametrize(
    ("request_text", "status"),
    [
        ("nonsense\r\n\r\n", b"400"),
        ("GET / HTTP/1.1\r\nbad header\r\n\r\n", b"400"),
        ("CONNECT example.org HTTP/1.1\r\n{auth}\r\n\r\n", b"400"),
        ("CONNECT example.org:0 HTTP/1.1\r\n{auth}\r\n\r\n", b"400"),
        ("GET ftp://example.org/ HTTP/1.1\r\n{auth}\r\n\r\n", b"400"),
        ("GET http://a..b/ HTTP/1.1\r\n{auth}\r\n\r\n", b"400"),
        (
            "POST http://127.0.0.1:9/ HTTP/1.1\r\n{auth}\r\nTransfer-Encoding: chunked\r\n\r\n",
            b"411",
        ),
        ("GET http://127.0.0.1:9/ HTTP/1.1\r\n{auth}\r\nX: " + "a" * 70_000 + "\r\n\r\n", b"400"),
    ],
    ids=["garbage", "header", "no-port", "port-0", "ftp", "bad-label", "chunked", "huge-head"],
)
async def test_malformed_requests_get_a_clear_refusal(
    guard: InProcessGuard, request_text: str, status: bytes
) -> None:
    data = request_text.replace("{auth}", f"Proxy-Authorization: {guard.auth()}").encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", guard.port)
    writer.write(data)
    answer = await asyncio.wait_for(reader.read(-1), 10)
    writer.close()
    assert answer.split(b" ")[1] == status
