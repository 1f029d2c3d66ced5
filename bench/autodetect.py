"""Auto-detection on a busy channel: what 1,000 messages a minute without links cost.

Every message in a channel where auto-detection is on is scanned for links (one settings
lookup, in memory, then one regex scan). The bot process answers ``$help`` paced at a few
per second while members chat at 1,000 messages a minute without links; rounds with
auto-detection off and on alternate, so both see the same machine. Target: the p99 with
it on at most 10 % above the p99 with it off.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
import timeit
from pathlib import Path

from bench.acks import AckClock
from bench.botproc import BotProcess
from bench.config import BUCKETS, ROOT, bench_spec
from bench.figures import Figure, percentile
from bossbot.discord.actions import ACTIONS
from bossbot.discord.auto_rules import covered
from bossbot.spec import load_spec
from tests.fakes.discord import FakeDiscord, ids

CHATTER = 1000 / 60  # messages per second without links
HELP_RATE = 8.0  # $help per second, timed (enough of them for a steady p99)
CHATTY = ids.USER_ID + 7  # another member: chat and commands are not one author's
LINES = ["lol same", "did anyone see the game yesterday?", "brb, making tea",
         "that boss fight took me 40 tries. $5 says you can't do it in 10 :)"]  # fmt: skip


async def chatter(fake: FakeDiscord, stop: asyncio.Event) -> int:
    """Post messages without links at ``CHATTER`` per second until ``stop``; count them."""
    sent, start = 0, time.monotonic()
    while not stop.is_set():
        await asyncio.sleep(max(0.0, start + sent / CHATTER - time.monotonic()))
        await fake.send_message(LINES[sent % len(LINES)], user_id=CHATTY)
        sent += 1
    return sent


async def helps(clock: AckClock, count: int) -> list[float]:
    """``count`` ``$help`` paced at ``HELP_RATE`` while the chatter runs; their latencies."""
    stop = asyncio.Event()
    chatting = asyncio.create_task(chatter(clock.fake, stop))
    sent, start = [], time.monotonic()
    try:
        for index in range(count):
            await asyncio.sleep(max(0.0, start + index / HELP_RATE - time.monotonic()))
            sent.append((await clock.fake.send_message("$help"))["id"])
    finally:
        stop.set()
        await chatting
    return await clock.latencies(sent)


async def switch(fake: FakeDiscord, on: bool) -> None:
    """The server owner turns auto-detection on or off in the channel (and it answered)."""
    said = await fake.send_message(f"$settings auto {'on' if on else 'off'}", user_id=ids.OWNER_ID)
    await fake.wait_for(
        lambda r: r.method == "POST" and isinstance(r.json, dict)
        and (r.json.get("message_reference") or {}).get("message_id") == said["id"],
        timeout=30,
    )  # fmt: skip


async def autodetect(count: int, rounds: int, settle: float = 2.0) -> list[Figure]:
    """``rounds`` of ``count`` timed ``$help`` with auto-detection off and on (in turns)."""
    seconds: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory(prefix="bench-auto-") as tmp:
        async with FakeDiscord(premium_tier=3, bucket_limit=BUCKETS) as fake:
            clock = AckClock(fake)
            bot = BotProcess(fake, Path(tmp), bench_spec(Path(tmp)))
            await bot.start()
            await asyncio.sleep(settle)
            try:
                for index in range(rounds):  # off first, then on first: no order favoured
                    for on in (False, True) if index % 2 == 0 else (True, False):
                        await switch(fake, on)
                        seconds[on] += await helps(clock, count)
            finally:
                with contextlib.suppress(Exception):
                    await bot.stop()
    ms = {key: [value * 1000 for value in seconds[key]] for key in seconds}
    off, on = (percentile(ms[key], 99) for key in (False, True))
    spread = {key: f"p50 {percentile(ms[key], 50):.2g} ms, p90 {percentile(ms[key], 90):.2g} ms"
              for key in ms}  # fmt: skip
    spec = load_spec(ROOT / "commands.toml", ACTIONS)
    sites, line = tuple(spec.auto.sites), LINES[-1]
    scan = timeit.timeit(lambda: covered(spec, line, sites), number=2000) / 2000 * 1e6
    note = f"{rounds} x {count} $help at {HELP_RATE:g}/s beside {CHATTER * 60:.0f} messages/min"
    return [
        Figure("auto.busy.off.p99", "ack $help p99, busy channel, auto-detection off", off, "ms",
               note=f"{note}; {spread[False]}"),
        Figure("auto.busy.on.p99", "ack $help p99, busy channel, auto-detection on", on, "ms",
               f"<= {off * 1.1:.3g}", note=f"target: off + 10 %; {spread[True]}"),
        Figure("auto.scan", "auto-detection scan of a chat line without links", scan, "µs",
               note="in-process, the bot's own function; the rest of a message is the same"),
    ]  # fmt: skip
