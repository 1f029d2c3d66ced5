"""A real bossbot (hikari + lightbulb, built by our own start-up code) on the fake Discord."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest_asyncio

from bossbot.discord.actions import ACTIONS
from bossbot.discord.app import BotApp, build_app
from bossbot.discord.serve import serve
from bossbot.roles import BOT, Role
from bossbot.settings import Settings
from bossbot.spec import Budgets, Spec, load_spec
from tests.fakes.discord.server import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
SPEC = load_spec(ROOT / "commands.toml", ACTIONS)
SYNC = r"/applications/\d+/guilds/\d+/commands"

StartBot = Callable[..., Awaitable[BotApp]]


@pytest_asyncio.fixture
async def start_bot(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[StartBot]:
    """Start the bot against the fake (optionally with another spec); stop it after."""
    running: list[tuple[asyncio.Event, asyncio.Task[None]]] = []

    async def start(
        spec: Spec = SPEC, *, retries: int = 3, role: Role = BOT, **settings: Any
    ) -> BotApp:
        config = Settings(
            discord_token=fake_discord.token,
            discord_api_url=fake_discord.rest_url,
            guild_ids=(fake_discord.guild_id,),
            data_dir=tmp_path / "data",
            **settings,
        )
        app = build_app(config, spec, max_retries=retries, role=role)
        stop = asyncio.Event()
        running.append((stop, asyncio.create_task(serve(app, stop))))
        await fake_discord.wait_for("PUT", SYNC, timeout=15)
        return app

    yield start
    for stop, task in running:
        stop.set()
        await asyncio.wait_for(task, 15)


@pytest_asyncio.fixture
async def bot(start_bot: StartBot) -> BotApp:
    """The bot with the repository's commands.toml, connected and synced."""
    return await start_bot()


async def reply_to(fake: FakeDiscord, content: str, **kwargs: Any) -> dict[str, Any]:
    """Post ``content`` as a member and return the bot's reply message."""
    sent = await fake.send_message(content, **kwargs)
    request = await fake.wait_for(
        lambda r: (
            r.method == "POST"
            and r.path.endswith("/messages")
            and ((r.json or {}).get("message_reference") or {}).get("message_id") == sent["id"]
        ),
        timeout=10,
    )
    return request.json


async def slash_answer(fake: FakeDiscord, name: str, options: Any = None, **kw: Any) -> dict:
    """Invoke ``/name`` and return the bot's first interaction callback body."""
    payload = await fake.send_slash(name, options, **kw)
    await fake.wait_for("POST", rf"/interactions/{payload['id']}/", timeout=10)
    return fake.interaction(payload["id"]).responses[0]


async def uploads(fake: FakeDiscord, count: int = 1, seconds: float = 20) -> list[Any]:
    """Wait for ``count`` messages carrying files and return their requests."""
    for _ in range(200):
        found = [r for r in fake.find_requests("POST", r"/channels/\d+/messages$") if r.files]
        if len(found) >= count:
            return found
        await asyncio.sleep(seconds / 200)
    raise AssertionError(f"expected {count} uploads, saw {len(found)}")


async def final_status(fake: FakeDiscord, message_id: int, start: str, seconds: float = 20):
    """Wait until the status message's content starts with ``start``; return it."""
    for _ in range(400):
        content = fake.message(message_id)["content"]
        if content.startswith(start):
            return content
        await asyncio.sleep(seconds / 400)
    raise AssertionError(f"status stayed {content!r}")


def spec_with(spec: Spec = SPEC, **limits: Any) -> Spec:
    """The spec with some ``[limits]`` changed."""
    return spec.model_copy(update={"limits": spec.limits.model_copy(update=limits)})


async def request_status(fake: FakeDiscord, content: str, **kwargs: Any) -> dict[str, Any]:
    """Post a command and return the bot's reply as stored (its ``id`` is the status id)."""
    sent = await fake.send_message(content, **kwargs)
    await fake.wait_for(
        lambda r: (
            r.method == "POST"
            and r.status == 200
            and ((r.json or {}).get("message_reference") or {}).get("message_id") == sent["id"]
        ),
        timeout=10,
    )
    return next(
        m
        for m in fake.bot_messages()
        if (m.get("message_reference") or {}).get("message_id") == sent["id"]
    )


def job_id_in(text: str) -> str:
    """The job id quoted in a status text such as ``Queued as `k3v9qa` ...``."""
    return text.split("`")[1]


def budgets_with(spec: Spec = SPEC, **budgets: Any) -> Spec:
    """The spec with some ``[budgets]`` changed (sizes as in commands.toml, e.g. ``"1KiB"``)."""
    checked = Budgets.model_validate({**spec.budgets.model_dump(), **budgets})
    return spec.model_copy(update={"budgets": checked})
