"""Behind a corporate proxy: the guard reaches sites through it, asking for checked addresses."""

from __future__ import annotations

import asyncio
import ipaddress
from pathlib import Path

import httpx
import pytest

from bossbot.egress.addresses import AddressPolicy
from bossbot.egress.hosts import ip_literal
from bossbot.egress.upstream import parse_upstream
from bossbot.settings import SettingsError, load_settings
from tests.fakes.guard import InProcessGuard
from tests.fakes.media_server import MediaServer

pytestmark = pytest.mark.timeout(30)


class CorporateProxy:
    """A CONNECT-only proxy that wants a password and remembers what it was asked for."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None]] = []
        self.port = 0

    async def start(self) -> None:
        server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")
        target = head[0].split()[1]
        auth = next(
            (h.split(": ", 1)[1] for h in head if h.startswith("Proxy-Authorization")), None
        )
        self.asked.append((target, auth))
        if auth != "Basic b2ZmaWNlOnMzY3JldA==":  # office:s3cret
            writer.write(b"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n")
            writer.close()
            return
        host, port = target.rsplit(":", 1)
        up_reader, up_writer = await asyncio.open_connection(host.strip("[]"), int(port))
        writer.write(b"HTTP/1.1 200 OK\r\n\r\n")

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            while data := await src.read(65536):
                dst.write(data)
                await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def test_sites_are_reached_through_the_upstream_by_the_checked_address(
    media_server: MediaServer,
) -> None:
    corporate = CorporateProxy()
    await corporate.start()

    async def named(host: str, port: int) -> list[ipaddress.IPv4Address]:
        return [ip_literal(host) or ipaddress.IPv4Address("127.0.0.1")]  # media.example: "public"

    upstream = f"http://office:s3cret@127.0.0.1:{corporate.port}"
    guard = InProcessGuard(AddressPolicy.parse("127.0.0.1/32"), named, upstream)
    await guard.start()
    try:
        url = f"http://media.example:{media_server.port}/a"
        media_server.add("/a", b"through the office")
        async with httpx.AsyncClient(proxy=guard.proxy()) as client:
            assert (await client.get(url)).content == b"through the office"
            secret = await client.get(f"http://10.0.0.1:{media_server.port}/a")
        assert secret.status_code == 403  # checked by the guard first: never asked upstream
        assert corporate.asked == [(f"127.0.0.1:{media_server.port}", "Basic b2ZmaWNlOnMzY3JldA==")]
    finally:
        await guard.close()


async def test_an_upstream_that_refuses_is_a_bad_gateway(media_server: MediaServer) -> None:
    corporate = CorporateProxy()
    await corporate.start()
    guard = InProcessGuard(
        AddressPolicy.parse("127.0.0.1/32"), upstream=f"http://127.0.0.1:{corporate.port}"
    )
    await guard.start()
    try:
        async with httpx.AsyncClient(proxy=guard.proxy()) as client:
            answer = await client.get(media_server.add("/a", b"x"))
        assert answer.status_code == 502
        assert media_server.hits() == 0
    finally:
        await guard.close()


def test_the_setting_takes_an_http_proxy_url_or_nothing(tmp_path: Path) -> None:
    assert parse_upstream("http://u:p%40ss@proxy:3128") == ("proxy", 3128, "Basic dTpwQHNz")
    assert load_settings({"BOSSBOT_EGRESS_PROXY": " "}, cwd=tmp_path).egress_proxy == ""
    for bad in ("proxy:3128", "https://proxy:3128", "http://proxy"):
        with pytest.raises(SettingsError, match="BOSSBOT_EGRESS_PROXY is invalid: expected http"):
            load_settings({"BOSSBOT_EGRESS_PROXY": bad}, cwd=tmp_path)
