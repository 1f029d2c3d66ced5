"""Notices between processes: PostgreSQL's LISTEN/NOTIFY on a connection of its own.

The schema's triggers send ``bossbot_queued`` (payload: the origin) when a job is queued or
queued again, and ``bossbot_cancelled`` (payload: the job id) when a started job is
cancelled; PostgreSQL delivers them when the writing transaction commits.
"""

from __future__ import annotations

from collections.abc import Callable

from bossbot.jobs.postgres.schema import connect

QUEUED, CANCELLED = "bossbot_queued", "bossbot_cancelled"
KEEPALIVE = 30.0
"""Seconds without a notice after which the connection is checked (a silent network drop)."""


async def notices(
    url: str,
    wake: Callable[[], None],
    cancelled: Callable[[str], None],
    *,
    keepalive: float = KEEPALIVE,
) -> None:
    """Listen until the connection fails (then raise, for the supervisor to reconnect).

    ``wake()`` is called once listening starts too: notices sent while this process was not
    listening are lost, so whoever listens looks for work it may have missed.
    """
    async with await connect(url, application_name="bossbot-listen") as conn:
        await conn.execute(f"LISTEN {QUEUED}")
        await conn.execute(f"LISTEN {CANCELLED}")
        wake()
        while True:
            async for notice in conn.notifies(timeout=keepalive):
                if notice.channel == QUEUED:
                    wake()
                else:
                    cancelled(notice.payload)
            await conn.execute("SELECT 1")
