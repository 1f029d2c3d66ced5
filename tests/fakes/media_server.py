"""A loopback media server for real yt-dlp and gallery-dl runs.

Each path serves one :class:`Route`. Modes: ``normal`` (Content-Length, byte ranges),
``chunked`` (no Content-Length), ``endless`` (a chunked stream that never ends), ``drop``
(closes the connection mid-file for the first ``times`` GET requests, then serves normally),
``status`` (answers ``status`` for the first ``times`` GET requests, then 200; ``times=0``
means always), ``redirect`` (to ``location``, a path or a full URL) and ``get-redirect``
(HEAD answers 200 like a file, only GET redirects: a check by HEAD learns nothing). HEAD
requests answer like the next GET would but use up none of the ``times``; :meth:`hits`
counts all. ``dribble`` sends one byte a second (a slow-loris download).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import unquote

from aiohttp import web

CHUNK = 8192
ENDLESS_FOR = 30.0  # even an "endless" stream stops by itself after this many seconds


@dataclass
class Route:
    """What one path serves."""

    body: bytes = b""
    content_type: str = "application/octet-stream"
    mode: str = "normal"
    status: int = 200
    times: int = 0
    location: str = ""
    rate: int = 0  # bytes per second per connection (0: as fast as it goes)


class MediaServer:
    """The server; start it with :meth:`start`, add files with :meth:`add`."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self._hits: Counter[str] = Counter()
        self._gets: Counter[str] = Counter()
        self._closed: Counter[str] = Counter()
        self._closed_events: defaultdict[str, asyncio.Event] = defaultdict(asyncio.Event)
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # method, path, headers
        self.last_get: dict[str, float] = {}  # path -> wall-clock time of its latest GET
        self.first_seen: dict[str, float] = {}  # path -> monotonic time of its first request
        self._runner: web.AppRunner | None = None
        self.port = 0

    def add(self, path: str, body: bytes = b"", **route: object) -> str:
        """Serve ``body`` at ``path`` (options as in :class:`Route`); return its URL."""
        self.routes[unquote(path)] = Route(body, **route)  # type: ignore[arg-type]
        return self.url(path)

    def url(self, path: str) -> str:
        """The full URL of ``path``."""
        return f"http://{self.host}:{self.port}{path}"

    def hits(self, path: str | None = None) -> int:
        """Requests received for ``path``, or for all paths when None."""
        return self._hits[unquote(path)] if path else sum(self._hits.values())

    def closed_early(self, path: str) -> int:
        """Responses of ``path`` that the client closed before their end."""
        return self._closed[unquote(path)]

    async def wait_closed_early(self, path: str, seconds: float = 5.0) -> bool:
        """Wait until a response of ``path`` was closed by the client (TimeoutError if not)."""
        await asyncio.wait_for(self._closed_events[unquote(path)].wait(), seconds)
        return True

    def _closed_early(self, path: str) -> None:
        """Count a response the client closed before its end."""
        self._closed[path] += 1
        self._closed_events[path].set()

    async def start(self, port: int = 0) -> None:
        """Listen on the server's loopback address at ``port`` (0: a free one)."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(
            app,
            handle_signals=False,
            access_log=None,
            shutdown_timeout=0.25,
            handler_cancellation=True,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, port)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        """Stop listening and drop open connections."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        """Serve one request according to its route."""
        path = unquote(request.rel_url.raw_path)
        self._hits[path] += 1
        self.requests.append((request.method, path, dict(request.headers)))
        self.first_seen.setdefault(path, time.monotonic())
        if request.method == "GET":
            self.last_get[path] = time.time()
        route = self.routes.get(path)
        if route is None:
            return web.Response(status=404, text="no such file")
        self._gets[path] += request.method == "GET"
        failing = route.times == 0 or self._gets[path] + (request.method != "GET") <= route.times
        if route.mode == "status" and failing:
            return web.Response(status=route.status, text="error")
        if route.mode == "redirect" or (route.mode == "get-redirect" and request.method == "GET"):
            target = route.location
            return web.Response(status=302, headers={"Location": target})
        headers = {"Content-Type": route.content_type, "Accept-Ranges": "bytes"}
        if request.method == "HEAD":
            return web.Response(headers={**headers, "Content-Length": str(len(route.body))})
        if route.rate and route.mode == "normal":  # a Range asked for is not honoured
            return await self._throttled(request, route, headers)
        if route.mode in ("normal", "status") or (route.mode == "drop" and not failing):
            return self._whole(request, route, headers)
        return await self._stream(request, route, headers, dropping=route.mode == "drop")

    @staticmethod
    def _whole(request: web.Request, route: Route, headers: dict[str, str]) -> web.Response:
        """Answer with Content-Length, honouring ``Range: bytes=N-[M]``."""
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", request.headers.get("Range", ""))
        if not match:
            return web.Response(body=route.body, headers=headers)
        size = len(route.body)
        start, end = int(match[1]), int(match[2] or size - 1)
        if start >= size:
            return web.Response(status=416, headers={"Content-Range": f"bytes */{size}"})
        end = min(end, size - 1)
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return web.Response(status=206, body=route.body[start : end + 1], headers=headers)

    async def _throttled(
        self, request: web.Request, route: Route, headers: dict[str, str]
    ) -> web.StreamResponse:
        """The whole body with its length, at ``route.rate`` bytes per second.

        The rate is read again at each write: a test may speed up a transfer it is done with.
        """
        response = web.StreamResponse(headers=headers)
        response.content_length = len(route.body)
        await response.prepare(request)
        offset = 0
        while offset < len(route.body):
            step = max(route.rate // 20, 1)  # 20 writes a second
            await response.write(route.body[offset : offset + step])
            offset += step
            await asyncio.sleep(step / route.rate)
        await response.write_eof()
        return response

    async def _stream(
        self, request: web.Request, route: Route, headers: dict[str, str], *, dropping: bool
    ) -> web.StreamResponse:
        """Stream without Content-Length; endless, or dropped half way when asked."""
        response = web.StreamResponse(headers=headers)
        if dropping:
            response.content_length = len(route.body)
        else:
            response.enable_chunked_encoding()
        await response.prepare(request)
        body, endless = route.body or b"\0" * CHUNK, route.mode in ("endless", "dribble")
        step, pause = (1, 1.0) if route.mode == "dribble" else (CHUNK, 0.005)
        try:
            if dropping:
                await response.write(body[: len(body) // 2])
                await asyncio.sleep(0.05)
                if request.transport is not None:
                    request.transport.close()
                return response
            offset, until = 0, asyncio.get_running_loop().time() + ENDLESS_FOR
            while (endless and asyncio.get_running_loop().time() < until) or offset < len(body):
                await response.write(body[offset % len(body) : offset % len(body) + step])
                offset += step
                if endless:
                    await asyncio.sleep(pause)
            await response.write_eof()
        except ConnectionError:
            self._closed_early(unquote(request.rel_url.raw_path))
        except asyncio.CancelledError:
            self._closed_early(unquote(request.rel_url.raw_path))
            raise
        return response
