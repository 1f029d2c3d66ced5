"""pytest fixtures of the fake Discord.

Loaded by ``pytest_plugins = ["tests.fakes.discord.fixtures"]`` in ``tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import pytest_asyncio

from .server import FakeDiscord

MakeFake = Callable[..., Awaitable[FakeDiscord]]


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``fake_discord`` marker (options for the fixture)."""
    config.addinivalue_line(
        "markers",
        "fake_discord(**options): FakeDiscord options for the fake_discord fixture, "
        "e.g. premium_tier=2",
    )


def _fail_on_violations(fakes: list[FakeDiscord]) -> None:
    problems = [problem for fake in fakes for problem in fake.violations]
    if problems:
        pytest.fail(
            "the fake Discord received requests that break Discord's API spec:\n  "
            + "\n  ".join(problems),
            pytrace=False,
        )


@pytest_asyncio.fixture
async def make_fake_discord() -> AsyncIterator[MakeFake]:
    """Factory of started fakes, taking FakeDiscord options (e.g. ``premium_tier=2``).

    Every fake is closed after the test, which fails if any saw a spec violation.
    """
    fakes: list[FakeDiscord] = []

    async def make(**options: Any) -> FakeDiscord:
        fake = FakeDiscord(**options)
        fakes.append(fake)
        return await fake.start()

    yield make
    for fake in fakes:
        await fake.close()
    _fail_on_violations(fakes)


@pytest_asyncio.fixture
async def fake_discord(request: pytest.FixtureRequest) -> AsyncIterator[FakeDiscord]:
    """A started fake Discord, closed after the test; spec violations fail the test.

    Options come from ``@pytest.mark.fake_discord(premium_tier=2, ...)``.
    """
    marker = request.node.get_closest_marker("fake_discord")
    options = dict(marker.kwargs) if marker else {}
    async with FakeDiscord(**options) as fake:
        yield fake
    _fail_on_violations([fake])
