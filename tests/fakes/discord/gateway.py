"""The fake gateway: HELLO, IDENTIFY/READY, RESUME/RESUMED, heartbeats and dispatches.

Frames to the client are zlib-stream compressed when the client asks for
``compress=zlib-stream`` (one ``zlib.compressobj()`` per connection, each payload
flushed with ``Z_SYNC_FLUSH``); frames from the client may be TEXT or BINARY.
Dispatches get sequence numbers and are kept per session, so a RESUME replays
what the client missed, as Discord does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import time
import zlib
from collections.abc import Callable

from aiohttp import WSMsgType, web

from . import payloads
from .payloads import JSON
from .world import World

GUILDS = 1 << 0
GUILD_MESSAGES = 1 << 9
MESSAGE_CONTENT = 1 << 15
_CONTENT_FIELDS = {"content": "", "embeds": [], "attachments": [], "components": []}

SendObserver = Callable[[JSON, float], None]
"""Called with each frame and ``time.monotonic()`` right before it goes on the wire."""


class _Connection:
    """One websocket connection and its compressor."""

    def __init__(
        self,
        request: web.Request,
        ws: web.WebSocketResponse,
        compress: bool,
        observers: list[SendObserver],
    ) -> None:
        self.request = request
        self.ws = ws
        self.ready = False
        self.identified = False
        self._zlib = zlib.compressobj() if compress else None
        self._lock = asyncio.Lock()
        self._observers = observers

    async def send(self, payload: JSON) -> None:
        data = json.dumps(payload, separators=(",", ":")).encode()
        async with self._lock:
            if self.ws.closed:
                return
            with contextlib.suppress(ConnectionError, RuntimeError):
                if self._zlib is None:
                    self._observe(payload)
                    await self.ws.send_str(data.decode())
                else:
                    frame = self._zlib.compress(data) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                    self._observe(payload)
                    await self.ws.send_bytes(frame)

    def _observe(self, payload: JSON) -> None:
        now = time.monotonic()
        for observer in self._observers:
            observer(payload, now)


class Gateway:
    """The gateway side of the fake: one session at a time, as a single shard sees it.

    A sharded fake has one Gateway per shard, each with its own world (guild); they share
    the ``/gateway`` route, and each connection is handed to the shard its IDENTIFY (or
    RESUME) names through ``route``.
    """

    def __init__(
        self,
        world: World,
        token: str,
        resume_url: Callable[[], str],
        heartbeat_interval_ms: int = 41_250,
        shard: tuple[int, int] = (0, 1),
    ) -> None:
        """Create the gateway.

        Args:
            world: The fake world (READY's user, GUILD_CREATE's guild).
            token: The token IDENTIFY and RESUME must carry.
            resume_url: Returns the ``resume_gateway_url`` to announce.
            heartbeat_interval_ms: Interval announced in HELLO.
            shard: ``(shard id, shard count)`` this gateway plays.
        """
        self.shard = shard
        self.route: Callable[[JSON], Gateway] = lambda payload: self
        """The gateway (shard) that serves a connection, from its first IDENTIFY or RESUME."""
        self._world = world
        self._token = token
        self._resume_url = resume_url
        self._heartbeat = heartbeat_interval_ms
        self.handshakes: list[str] = []
        self.identify: JSON | None = None
        self.session_id: str | None = None
        self._seq = 0
        self._backlog: list[JSON] = []
        self._pending: list[tuple[str, JSON]] = []
        self._conn: _Connection | None = None
        self._live: set[_Connection] = set()
        self._waiters: list[tuple[int, asyncio.Future[str]]] = []
        self.observers: list[SendObserver] = []
        """Called for every frame sent, right before it is written (e.g. to time events)."""

    @property
    def world_channel(self) -> int:
        """The text channel of this shard's guild."""
        return self._world.channel_id

    @property
    def intents(self) -> int:
        """Intents of the last IDENTIFY (0 before one)."""
        return int((self.identify or {}).get("intents") or 0)

    @property
    def connected(self) -> bool:
        """Whether a client is connected and caught up."""
        return self._conn is not None and self._conn.ready

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """Serve one websocket connection (the aiohttp handler of ``/gateway``)."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        compress = request.query.get("compress") == "zlib-stream"
        conn = _Connection(request, ws, compress, self.observers)
        self._live.add(conn)
        try:
            await conn.send(
                {"op": 10, "d": {"heartbeat_interval": self._heartbeat}, "s": None, "t": None}
            )
            serving = self
            async for message in ws:
                if message.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                    break
                payload = json.loads(message.data)
                if payload.get("op") in (2, 6):
                    serving = self.route(payload)
                    serving._live.add(conn)
                await serving._receive(conn, payload)
        finally:
            self._live.discard(conn)
            serving._live.discard(conn)
            if serving._conn is conn:
                serving._conn = None
        return ws

    async def _receive(self, conn: _Connection, payload: JSON) -> None:
        op, data = payload.get("op"), payload.get("d")
        if op == 1:
            await conn.send({"op": 11, "d": None, "s": None, "t": None})
        elif op == 2:
            await self._identify(conn, data or {})
        elif op == 6:
            await self._resume(conn, data or {})
        elif op not in (3, 4, 8):  # presence, voice state, member requests: accepted, ignored
            await conn.ws.close(code=4001, message=b"Unknown opcode.")

    async def _identify(self, conn: _Connection, data: JSON) -> None:
        if data.get("token") != self._token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if conn.identified:
            await conn.ws.close(code=4005, message=b"Already authenticated.")
            return
        if data.get("shard", [0, 1]) != list(self.shard):
            await conn.ws.close(code=4010, message=b"Invalid shard.")
            return
        conn.identified = True
        self.identify, self.session_id, self._seq, self._backlog = (
            data,
            secrets.token_hex(16),
            0,
            [],
        )
        await conn.send(self._frame("READY", self._ready()))
        self._store("GUILD_CREATE", payloads.gateway_guild(self._world))
        for name, event in self._pending:
            self._store(name, event)
        self._pending.clear()
        await self._replay(conn, after=1)
        self._handshake("IDENTIFY")

    async def _resume(self, conn: _Connection, data: JSON) -> None:
        if data.get("token") != self._token or data.get("session_id") != self.session_id:
            await conn.send({"op": 9, "d": False, "s": None, "t": None})
            return
        conn.identified = True
        await self._replay(conn, after=int(data.get("seq") or 0))
        await conn.send(self._frame("RESUMED", {}))
        self._handshake("RESUME")

    async def _replay(self, conn: _Connection, after: int) -> None:
        index = next((i for i, e in enumerate(self._backlog) if e["s"] > after), len(self._backlog))
        while index < len(self._backlog):
            await conn.send(self._backlog[index])
            index += 1
        conn.ready = True
        self._conn = conn

    def _frame(self, name: str, data: JSON) -> JSON:
        self._seq += 1
        return {"op": 0, "t": name, "s": self._seq, "d": data}

    def _store(self, name: str, data: JSON) -> JSON:
        frame = self._frame(name, data)
        self._backlog.append(frame)
        return frame

    def _ready(self) -> JSON:
        world = self._world
        return {
            "v": 10,
            "user_settings": {},
            "user": payloads.my_user(world),
            "guilds": [{"id": str(world.guild_id), "unavailable": True}],
            "session_id": self.session_id,
            "session_type": "normal",
            "resume_gateway_url": self._resume_url(),
            "shard": list(self.shard),
            "application": {"id": str(world.application_id), "flags": payloads.APPLICATION_FLAGS},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
            "auth": {},
            "_trace": ['["fake-discord",{"micros":1}]'],
        }

    def _handshake(self, kind: str) -> None:
        self.handshakes.append(kind)
        for count, future in self._waiters:
            if len(self.handshakes) >= count and not future.done():
                future.set_result(self.handshakes[count - 1])

    async def dispatch(self, name: str, data: JSON) -> None:
        """Send an event now, or keep it for the session (replayed on RESUME)."""
        if self.session_id is None:
            self._pending.append((name, data))
            return
        frame = self._store(name, data)
        conn = self._conn
        if conn is not None and conn.ready:
            await conn.send(frame)

    async def dispatch_message(self, name: str, data: JSON, *, author_id: int) -> None:
        """Dispatch MESSAGE_CREATE/UPDATE as the bot's intents allow it to see it.

        Without GUILD_MESSAGES nothing is sent; without MESSAGE_CONTENT, messages of
        others that do not mention the bot arrive with empty content, embeds,
        attachments and components (Discord's privileged intent rule).
        """
        intents = self.intents if self.identify is not None else ~0
        if not intents & GUILD_MESSAGES:
            return
        bot = str(self._world.bot_id)
        mentioned = any(m.get("id") == bot for m in data.get("mentions", []))
        if not intents & MESSAGE_CONTENT and author_id != self._world.bot_id and not mentioned:
            data = {**data, **{k: type(v)() for k, v in _CONTENT_FIELDS.items()}}
        await self.dispatch(name, data)

    async def drop(self, code: int | None = None) -> None:
        """Cut the current connection: abruptly (no close frame) or with ``code``."""
        conn = self._conn
        if conn is None:
            raise RuntimeError("no gateway connection to drop")
        self._conn, conn.ready = None, False
        if code is not None:
            await conn.ws.close(code=code, message=b"fake Discord closed the connection")
        elif conn.request.transport is not None:
            conn.request.transport.abort()

    async def send_opcode(self, op: int, data: object = None) -> None:
        """Send a raw opcode (7 RECONNECT, 9 INVALID_SESSION) on the live connection."""
        if self._conn is None:
            raise RuntimeError("no gateway connection")
        if op == 9 and not data:
            self.session_id = None
        await self._conn.send({"op": op, "d": data, "s": None, "t": None})

    async def wait_handshake(self, count: int, timeout: float = 10.0) -> str:  # noqa: ASYNC109
        """Wait until ``count`` handshakes completed; return the last one's kind."""
        if len(self.handshakes) >= count:
            return self.handshakes[count - 1]
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        entry = (count, future)
        self._waiters.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            raise AssertionError(
                f"gateway handshake #{count} did not happen within {timeout}s ({self.handshakes})"
            ) from None
        finally:
            self._waiters.remove(entry)

    async def close(self) -> None:
        """Close every live connection (normal closure; cut if the client does not answer)."""
        for conn in list(self._live):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.ws.close(code=1000, message=b"fake Discord closing"), 1)
            if conn.request.transport is not None:
                conn.request.transport.abort()
