"""A prefix word that is no command: silence, or one hint when it is close to a command."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable

from bossbot.discord.invocation import Responder
from bossbot.messages.help import unknown_command
from bossbot.spec import Spec

REMEMBERED = 10_000  # keys kept before the stale ones are dropped


class Cooldown:
    """At most one event per key within a given time (kept in memory: a restart forgets)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        """Measure time with ``clock`` (seconds)."""
        self.clock, self.last = clock, dict[Hashable, float]()

    def ready(self, key: Hashable, seconds: float) -> bool:
        """True (and the time is taken) when ``key`` had no event in the last ``seconds``."""
        now = self.clock()
        if now - self.last.get(key, -math.inf) < seconds:
            return False
        if len(self.last) >= REMEMBERED:
            self.last = {k: at for k, at in self.last.items() if now - at < seconds}
        self.last[key] = now
        return True


async def answer_unknown(
    spec: Spec, cooldown: Cooldown, word: str, user_id: int, channel_id: int, reply: Responder
) -> None:
    """Hint at the command ``word`` is close to, once per member and channel per cooldown.

    Anything else (``$TSLA``, another bot's command, hints off) gets no reply at all.
    """
    text = unknown_command(spec, word) if spec.hints.unknown_commands else None
    if text and cooldown.ready(("hint", channel_id, user_id), spec.hints.cooldown):
        await reply.send(text)
