"""Pytest fixtures of the loopback media server (``pytest_plugins`` entry)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tests.fakes.media_server import MediaServer


@pytest_asyncio.fixture
async def media_server() -> AsyncIterator[MediaServer]:
    """A started :class:`MediaServer` on 127.0.0.1; add files with ``media_server.add``."""
    server = MediaServer()
    await server.start()
    try:
        yield server
    finally:
        await server.close()


@pytest_asyncio.fixture
async def private_server() -> AsyncIterator[MediaServer]:
    """A media server on 127.0.0.2, playing a private host: it must never see a request."""
    server = MediaServer("127.0.0.2")
    await server.start()
    try:
        yield server
    finally:
        await server.close()
