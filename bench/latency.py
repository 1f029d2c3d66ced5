"""Command acknowledgement: gateway event sent -> the bot's first REST request for it."""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from pathlib import Path

from bench.botproc import BotProcess, bench_spec
from bench.figures import Figure, percentile
from tests.fakes.discord import FakeDiscord, FakeRequest
from tests.fakes.media_files import clip_mp4
from tests.fakes.media_server import MediaServer

CALLBACK = re.compile(r"^/interactions/(\d+)/[^/]+/callback$")
TIMEOUT = 60.0
SETTLE = 2.0  # seconds after start-up: the bot warms yt-dlp up for about one
BUCKETS = 1_000_000
"""Rate-limit bucket size the fake announces: large, so hikari never holds requests back.

Real Discord allows about 5 messages per 5 s in one channel, so there a burst of prefix
commands in one channel is acknowledged at Discord's pace whatever the bot does (slash
command callbacks have no such limit). The bench measures the bot itself.
"""


def answered_event(request: FakeRequest) -> str | None:
    """The id of the message or interaction a REST request answers, if any."""
    if match := CALLBACK.match(request.path):
        return match[1]
    if request.method == "POST" and request.path.endswith("/messages"):
        return ((request.json or {}).get("message_reference") or {}).get("message_id")
    return None


class AckClock:
    """Times each gateway event (observer of the fake) against the first answer to it."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.sent: dict[str, float] = {}
        self.answered: dict[str, float] = {}
        self._scanned = 0
        fake.gateway.observers.append(self._observe)

    def _observe(self, frame: dict, at: float) -> None:
        if frame.get("t") in ("MESSAGE_CREATE", "INTERACTION_CREATE"):
            self.sent.setdefault(frame["d"]["id"], at)

    def _scan(self) -> None:
        requests = self.fake.requests
        for request in requests[self._scanned :]:
            key = answered_event(request)
            if key is not None:
                self.answered.setdefault(key, request.received_at)
        self._scanned = len(requests)

    async def latencies(self, ids: list[str]) -> list[float]:
        """Seconds from send to first answer of each event (TIMEOUT when unanswered)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            self._scan()
            if all(i in self.answered for i in ids) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.05)
        return [self.answered.get(i, self.sent[i] + TIMEOUT) - self.sent[i] for i in ids]


async def _send(fake: FakeDiscord, kind: str, command: str, url: str) -> str:
    if kind == "prefix":
        text = f"$dl {url}" if command == "dl" else "$health"
        return (await fake.send_message(text))["id"]
    options = {"url": url} if command == "dl" else None
    return (await fake.send_slash(command, options))["id"]


async def _run(clock: AckClock, kind: str, command: str, count: int, rate: float | None,
               url: str) -> list[float]:  # fmt: skip
    """Send ``count`` commands, ``rate`` per second (None: a burst); return latencies."""
    ids, start = [], time.monotonic()
    for index in range(count):
        if rate is not None:
            await asyncio.sleep(max(0.0, start + index / rate - time.monotonic()))
        ids.append(await _send(clock.fake, kind, command, url))
        await asyncio.sleep(0)  # a burst, but let the fake take the bot's requests in
    return await clock.latencies(ids)


def _figures(key: str, label: str, seconds: list[float], target: str) -> list[Figure]:
    ms = [s * 1000 for s in seconds]
    note = f"{len(ms)} commands, max {max(ms):.0f} ms"
    return [
        Figure(f"{key}.p50", f"ack {label} p50", percentile(ms, 50), "ms"),
        Figure(f"{key}.p99", f"ack {label} p99", percentile(ms, 99), "ms", target, note),
    ]


def plan(count: int, rate: float, calm_rate: float) -> list[tuple[str, str, str, float | None]]:
    """(kind, command, mode, rate) of each run; ``calm``: ``$dl`` at a rate 2 cores sustain."""
    runs: list[tuple[str, str, str, float | None]] = [
        (kind, command, mode, pace)
        for command in ("health", "dl")
        for mode, pace in (("paced", rate), ("burst", None))
        for kind in ("prefix", "slash")
    ]
    return [*runs, ("prefix", "dl", "calm", calm_rate)]


async def latency(
    count: int, rate: float, calm_rate: float = 5.0, settle: float = SETTLE
) -> list[Figure]:
    """Prefix and slash ``health`` and ``dl``, paced at ``rate``/s and in a burst."""
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as tmp:
        media = MediaServer()
        await media.start()
        url = media.add("/tiny.mp4", clip_mp4(), content_type="video/mp4")
        async with FakeDiscord(premium_tier=3, bucket_limit=BUCKETS) as fake:
            clock = AckClock(fake)
            bot = BotProcess(fake, Path(tmp), bench_spec(Path(tmp)))
            await bot.start()
            await asyncio.sleep(settle)
            try:
                for kind, command, mode, pace in plan(count, rate, calm_rate):
                    n = count if mode != "calm" else max(1, count // 2)
                    seconds = await _run(clock, kind, command, n, pace, url)
                    name = f"${command}" if kind == "prefix" else f"/{command}"
                    label = f"{name} {mode}" + (f" {pace:g}/s" if pace else "")
                    target = "< 100" if pace else "< 1000"
                    figures += _figures(f"ack.{kind}.{command}.{mode}", label, seconds, target)
                    if command == "dl":
                        await bot.drain()
            finally:
                await bot.stop()
                await media.close()
    return figures
