"""Timing acknowledgements: each gateway event sent against the first REST answer to it."""

from __future__ import annotations

import asyncio
import re
import time

from tests.fakes.discord import FakeDiscord, FakeRequest

CALLBACK = re.compile(r"^/interactions/(\d+)/[^/]+/callback$")
TIMEOUT = 60.0


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


async def send(fake: FakeDiscord, kind: str, command: str, url: str) -> str:
    """Send ``$health``/``$dl url`` or ``/health``/``/dl url``; return the event's id."""
    if kind == "prefix":
        text = f"$dl {url}" if command == "dl" else "$health"
        return (await fake.send_message(text))["id"]
    options = {"url": url} if command == "dl" else None
    return (await fake.send_slash(command, options))["id"]


async def run(
    clock: AckClock, kind: str, command: str, count: int, rate: float | None, url: str
) -> list[float]:
    """Send ``count`` commands, ``rate`` per second (None: a burst); return latencies."""
    ids, start = [], time.monotonic()
    for index in range(count):
        if rate is not None:
            await asyncio.sleep(max(0.0, start + index / rate - time.monotonic()))
        ids.append(await send(clock.fake, kind, command, url))
        await asyncio.sleep(0)  # a burst, but let the fake take the bot's requests in
    return await clock.latencies(ids)
