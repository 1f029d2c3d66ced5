"""FakeDiscord: the aiohttp server that plays Discord (gateway + REST) for a real hikari bot."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from aiohttp import web

from . import ids, interactions, payloads
from .commands import CommandStore
from .context import State
from .errors import ApiError
from .events import UserEvents
from .faults import Fault, Faults
from .gateway import Gateway
from .interactions import InteractionRecord
from .payloads import JSON
from .recorder import FakeRequest, Predicate, RequestLog
from .rest import API_PREFIX, RestApi
from .spec import SPEC_PATH
from .store import MessageStore
from .validator import Validator
from .world import Role, World, default_roles


class FakeDiscord(UserEvents):
    """A fake Discord on 127.0.0.1 (random port): gateway websocket plus the REST API.

    Use ``async with FakeDiscord() as fake:``, then point a real
    ``hikari.GatewayBot(token=fake.token, rest_url=fake.rest_url)`` at it. Every REST
    request is recorded (``requests``) and checked against Discord's OpenAPI spec;
    problems land in ``violations`` and are answered with 4xx.
    """

    def __init__(
        self,
        *,
        premium_tier: int = 0,
        roles: Sequence[Role] | None = None,
        guild_name: str = "Boss Test Guild",
        channel_name: str = "downloads",
        ack_deadline: float | None = interactions.ACK_DEADLINE,
        heartbeat_interval_ms: int = 41_250,
        spec_path: Path = SPEC_PATH,
        check_responses: bool = False,
        bucket_limit: int = 50,
        shards: int = 1,
    ) -> None:
        """Configure the fake (nothing runs before ``start``).

        Args:
            premium_tier: Guild boost tier 0..3 (upload limit 10/10/50/100 MiB).
            roles: Guild roles, ``@everyone`` first (default: @everyone, Moderator,
                Trusted and the bot's managed role).
            guild_name: Name of the guild.
            channel_name: Name of its text channel.
            ack_deadline: Seconds the bot has to answer an interaction (None: no limit).
            heartbeat_interval_ms: Heartbeat interval announced in HELLO.
            spec_path: Discord's ``openapi.json``.
            check_responses: Also check the fake's own answers against the spec's
                documented responses (problems in ``response_problems``).
            bucket_limit: ``X-RateLimit-Limit`` announced for rate-limited routes (each
                answer says one request of a one-second window is used; hikari then frees
                about one slot per second, so a long burst on one route gets throttled).
            shards: Shards the bot must run; with more than one, each shard has a guild of
                its own, one text channel each (``guild_ids``, ``channel_ids``): the first
                guild is the usual one, on shard ``(guild_id >> 22) % shards``.
        """
        self.world = World(
            premium_tier=premium_tier,
            roles=tuple(roles) if roles is not None else default_roles(),
            guild_name=guild_name,
            channel_name=channel_name,
        )
        self.token = ids.make_token(self.world.application_id)
        self._port = 0
        self._runner: web.AppRunner | None = None
        self._log = RequestLog()
        self._faults = Faults()
        shard_of = lambda guild: ((guild >> 22) % shards, shards)  # noqa: E731 - Discord's rule
        self.gateway = Gateway(
            self.world, self.token, lambda: self.gateway_url, heartbeat_interval_ms,
            shard=shard_of(self.world.guild_id),
        )  # fmt: skip
        self.gateways = {self.gateway.shard[0]: self.gateway}
        others: dict[int, tuple[World, Gateway]] = {}
        guild, channel = self.world.guild_id, self.world.channel_id
        while len(self.gateways) < shards:
            guild, channel = guild + (1 << 22), channel + (1 << 22)
            if shard_of(guild)[0] in self.gateways:
                continue
            world = World(
                guild_id=guild, channel_id=channel, roles=default_roles(guild),
                guild_name=f"Shard {shard_of(guild)[0]} Guild", users=self.world.users,
            )  # fmt: skip
            gateway = Gateway(world, self.token, lambda: self.gateway_url, heartbeat_interval_ms,
                              shard=shard_of(guild))  # fmt: skip
            self.gateways[gateway.shard[0]] = gateway
            others[channel] = (world, gateway)
        for gateway in self.gateways.values():
            gateway.route = self._route
        self._state = State(
            world=self.world,
            store=MessageStore(lambda: self.base_url, lambda u: payloads.user(self.world, u)),
            commands=CommandStore(self.world.application_id),
            gateway=self.gateway,
            base_url=lambda: self.base_url,
            gateway_url=lambda: self.gateway_url,
            ack_deadline=ack_deadline,
            others=others,
        )
        validator = Validator(self.token, spec_path)
        self._rest = RestApi(
            self._state, validator, self._faults, self._log, check_responses=check_responses
        )
        self._rest.bucket_limit = bucket_limit

    def _route(self, payload: JSON) -> Gateway:
        """The shard a connection's IDENTIFY names, or whose session its RESUME resumes."""
        data = payload.get("d") or {}
        if payload.get("op") == 2:
            return self.gateways.get((data.get("shard") or [0])[0], self.gateway)
        found = [g for g in self.gateways.values() if g.session_id == data.get("session_id")]
        return found[0] if found else self.gateway

    @property
    def guild_ids(self) -> list[int]:
        """Every guild's id, the usual one first (one per shard)."""
        return [self.world.guild_id, *(w.guild_id for w, _ in self._state.others.values())]

    @property
    def channel_ids(self) -> list[int]:
        """Every guild's text channel, in the order of ``guild_ids``."""
        return [self.world.channel_id, *self._state.others]

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        """Start serving on 127.0.0.1 and a free port."""
        app = web.Application(client_max_size=512 * 1024**2)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/attachments/{channel}/{attachment}/{filename}", self._attachment)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest.handle)
        app.router.add_route("*", "/{tail:.*}", self._stray)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        return self

    async def close(self) -> None:
        """Close gateway connections and stop the server."""
        if self._runner is not None:
            for gateway in self.gateways.values():
                await gateway.close()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _attachment(self, request: web.Request) -> web.Response:
        wanted = request.match_info["attachment"]
        for stored in self._state.store.visible(int(request.match_info["channel"])):
            for item in stored.payload["attachments"]:
                if item["id"] == wanted:
                    return web.Response(
                        body=stored.files[wanted], content_type=item["content_type"]
                    )
        raise web.HTTPNotFound()

    async def _stray(self, request: web.Request) -> web.Response:
        problem = f"{request.method} {request.path}: not under {API_PREFIX} (wrong REST base URL?)"
        self._rest.violations.append(problem)
        return web.json_response(payloads.error(0, "404: Not Found"), status=404)

    # -- addresses and identity ------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self._port}"

    @property
    def rest_url(self) -> str:
        """The REST base URL to give hikari (``.../api/v10``)."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """The gateway URL ``GET /gateway/bot`` announces."""
        return f"ws://127.0.0.1:{self._port}/gateway"

    @property
    def application_id(self) -> int:
        """The application id."""
        return self.world.application_id

    @property
    def bot_id(self) -> int:
        """The bot user's id."""
        return self.world.bot_id

    @property
    def user_id(self) -> int:
        """The default user who sends messages and commands."""
        return ids.USER_ID

    @property
    def role_ids(self) -> dict[str, int]:
        """Role ids by name (``@everyone``, ``Moderator``, ``Trusted``, ``boss-bot``)."""
        return self.world.role_ids

    def env(self) -> dict[str, str]:
        """Environment for ``bossbot run`` against this fake (token, API URL, guild)."""
        return {
            "BOSSBOT_DISCORD_TOKEN": self.token,
            "BOSSBOT_DISCORD_API_URL": self.rest_url,
            "BOSSBOT_GUILD_IDS": str(self.guild_id),
        }

    # -- gateway ---------------------------------------------------------------------------

    @property
    def handshakes(self) -> list[str]:
        """Completed gateway handshakes in order: ``"IDENTIFY"`` or ``"RESUME"``."""
        return self.gateway.handshakes

    @property
    def intents(self) -> int:
        """Intents the bot identified with."""
        return self.gateway.intents

    async def wait_handshake(self, count: int = 1, timeout: float = 10.0) -> str:  # noqa: ASYNC109
        """Wait for the ``count``-th handshake; return its kind (IDENTIFY or RESUME)."""
        return await self.gateway.wait_handshake(count, timeout)

    async def drop_gateway(
        self,
        *,
        code: int | None = None,
        wait: bool = True,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> str | None:
        """Cut the gateway connection, by default abruptly (no close frame).

        Args:
            code: Close with this websocket close code instead of aborting.
            wait: Wait until the bot is back (hikari backs off 1-2 s first).
            timeout: Seconds to wait for the bot to come back.

        Returns:
            ``"RESUME"`` or ``"IDENTIFY"``: how the bot came back (None without ``wait``).
        """
        before = len(self.handshakes)
        await self.gateway.drop(code)
        return await self.wait_handshake(before + 1, timeout) if wait else None

    async def send_reconnect(self) -> None:
        """Send opcode 7 RECONNECT (the bot should reconnect and resume)."""
        await self.gateway.send_opcode(7)

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        """Send opcode 9 INVALID_SESSION (not resumable: the bot must identify again)."""
        await self.gateway.send_opcode(9, resumable)

    # -- what the bot did ------------------------------------------------------------------

    def messages(
        self, channel_id: int | None = None, *, author_id: int | None = None
    ) -> list[JSON]:
        """Return the live messages of a channel, oldest first.

        Each is the message object Discord would return, whose attachments also carry
        their bytes under ``"data"``.

        Args:
            channel_id: The channel (the fake's text channel when None).
            author_id: Only messages by this author (e.g. ``fake.bot_id``).

        Returns:
            Copies of the messages.
        """
        found = self._state.store.visible(channel_id or self.channel_id)
        return [m.view() for m in found if author_id is None or m.author_id == author_id]

    def direct_messages(self, user_id: int) -> list[JSON]:
        """Return the messages the bot sent to ``user_id`` in private, oldest first."""
        channel = self._state.dm_channels.get(user_id)
        return self.messages(channel) if channel is not None else []

    def bot_messages(self) -> list[JSON]:
        """Return the bot's live messages in the channel, oldest first."""
        return self.messages(author_id=self.bot_id)

    def message(self, message_id: int) -> JSON:
        """Return one live message (LookupError if unknown or deleted)."""
        try:
            return self._state.store.get(message_id).view()
        except ApiError:
            raise LookupError(f"no live message {message_id}") from None

    def interaction(self, interaction_id: int | str) -> InteractionRecord:
        """Return what became of an interaction (responses, original message id...)."""
        return self._state.interactions[int(interaction_id)]

    def forget_nonces(self) -> None:
        """Let the nonce window pass: a repeated nonce now creates a second message."""
        self._state.store.forget_nonces()

    def expire_interaction(self, interaction_id: int | str) -> None:
        """Make an interaction's token invalid, as after 15 minutes."""
        self.interaction(interaction_id).expired = True

    # -- requests, violations, faults ------------------------------------------------------

    @property
    def requests(self) -> list[FakeRequest]:
        """Every REST request received, in order."""
        return self._log.items

    @property
    def violations(self) -> list[str]:
        """Requests that break Discord's API spec (the fixture fails the test on any)."""
        return self._rest.violations

    @property
    def response_problems(self) -> list[str]:
        """The fake's own answers that do not fit the spec (with ``check_responses``)."""
        return self._rest.response_problems

    def find_requests(
        self, what: str | Predicate, path_regex: str | None = None
    ) -> list[FakeRequest]:
        """Return received requests matching ``(method, path_regex)`` or a predicate."""
        return self._log.find(what, path_regex)

    async def wait_for(
        self,
        what: str | Predicate,
        path_regex: str | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109  (like asyncio.wait_for)
        new_only: bool = False,
    ) -> FakeRequest:
        """Return the first request matching ``(method, path_regex)`` or a predicate.

        Requests already received count unless ``new_only``; the returned request
        has been answered (``status`` set, store updated).
        """
        return await self._log.wait_for(what, path_regex, timeout=timeout, new_only=new_only)

    def inject(
        self,
        method: str,
        path_regex: str,
        status: int = 429,
        *,
        times: int | None = 1,
        retry_after: float = 0.05,
        body: JSON | None = None,
        global_: bool = False,
        scope: str | None = None,
        code: int | None = None,
        delay: float = 0.0,
    ) -> Fault:
        """Make matching REST requests fail (after spec validation).

        Args:
            method: HTTP method, or ``"*"``.
            path_regex: Regex searched in the path below ``/api/v10``.
            status: 429, 5xx, 413 (code 40005), 403 (code 50013), 404...; 200 makes a
                "slow" rule: the request takes effect at once but is answered after ``delay``.
            times: How many requests fail (None: all).
            retry_after: Seconds announced by a 429.
            body: Body to answer instead of Discord's usual one.
            global_: A 429 on the global rate limit.
            scope: ``X-RateLimit-Scope`` of a 429 (``user``/``shared``/``global``).
            code: Discord error code to put in the usual body.
            delay: Seconds to wait before answering.

        Returns:
            The rule; its ``hits`` count the failed requests.
        """
        fault = Fault(
            method,
            re.compile(path_regex),
            status,
            times,
            retry_after,
            body,
            global_,
            scope,
            code,
            delay,
        )
        return self._faults.add(fault)

    def clear_faults(self) -> None:
        """Remove every injected failure."""
        self._faults.rules.clear()
