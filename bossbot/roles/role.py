"""What one process does: the whole bot, a gateway without workers, or a worker.

``bossbot run`` is the whole bot (gateway and workers, as in one-process mode);
``bossbot run --no-workers --shards 0-3 --shard-count 8`` a gateway for some shards only
(commands, buttons, the status of what it admitted); ``bossbot worker`` a worker (claims
and runs jobs, posts and edits over REST, no gateway). Any number of each share the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from bossbot.settings import SettingsError


@dataclass(frozen=True, slots=True)
class Role:
    """A process role: its name (a metrics label), whether it claims jobs, its shards.

    ``shard_ids``/``shard_count`` of None let hikari run every shard Discord asks for.
    """

    name: str
    claims: bool = True
    shard_ids: tuple[int, ...] | None = None
    shard_count: int | None = None

    def labels(self) -> dict[str, str]:
        """The constant labels of this process's metrics: ``role`` and, if set, ``shards``."""
        shards = {"shards": spans(self.shard_ids)} if self.shard_ids is not None else {}
        return {"role": self.name, **shards}


BOT = Role("bot")
WORKER = Role("worker")


def gateway(shards: str | None, count: int | None, *, workers: bool) -> Role:
    """The role of ``bossbot run``, from its ``--shards``/``--shard-count``/``--no-workers``.

    Raises:
        SettingsError: Shards without a count, a malformed list, or a shard not below the count.
    """
    name = "bot" if workers else "gateway"
    if shards is None:
        if count is not None:
            return Role(name, workers, tuple(range(count)), count)
        return Role(name, workers)
    if count is None:
        raise SettingsError("--shards needs --shard-count (the total number of shards)")
    ids = parse_shards(shards)
    if not ids or max(ids) >= count:
        raise SettingsError(f"--shards {shards}: each shard must be from 0 to {count - 1}")
    return Role(name, workers, ids, count)


def parse_shards(text: str) -> tuple[int, ...]:
    """``0-3,6`` -> ``(0, 1, 2, 3, 6)``.

    Raises:
        SettingsError: Not a comma list of numbers and ranges.
    """
    ids: set[int] = set()
    for part in text.split(","):
        low, dash, high = part.strip().partition("-")
        if not low.isdigit() or (dash and not high.isdigit()) or int(high or low) < int(low):
            raise SettingsError(f"--shards {text}: expected numbers and ranges such as 0-3,6")
        ids.update(range(int(low), int(high or low) + 1))
    return tuple(sorted(ids))


def spans(ids: tuple[int, ...]) -> str:
    """``(0, 1, 2, 3, 6)`` -> ``0-3,6``: shard ids as ``--shards`` spells them."""
    runs: list[list[int]] = []
    for shard in ids:
        if runs and shard == runs[-1][1] + 1:
            runs[-1][1] = shard
        else:
            runs.append([shard, shard])
    return ",".join(f"{a}-{b}" if b > a else f"{a}" for a, b in runs)
