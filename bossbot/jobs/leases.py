"""Leases: a running job is owned by one process until its lease expires."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Collection

from bossbot.jobs.machine import RUNNING
from bossbot.jobs.queries import sql_states
from bossbot.jobs.store import JobStore

_RUNNING = sql_states(RUNNING)


def new_owner() -> str:
    """A lease owner name unique to this executor: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_is_dead(owner: str | None) -> bool:
    """True when ``owner`` names another process on this host that no longer runs.

    A restarted bot can then take over its crashed predecessor's jobs at once instead of
    waiting for their leases to expire. Unknown hosts and live processes count as alive.
    """
    host, _, rest = (owner or "").partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def take_lease(
    store: JobStore, job_id: str, owner: str, until: float, dead_owner: str = ""
) -> bool:
    """Take a started job whose lease is missing, expired or held by ``dead_owner``."""
    cursor = store.conn.execute(
        f"UPDATE jobs SET lease_owner = ?, lease_expires_at = ? WHERE id = ? "  # noqa: S608
        f"AND state IN {_RUNNING} AND (lease_expires_at IS NULL OR lease_expires_at < ? "
        "OR lease_owner = ?)",
        (owner, until, job_id, store.clock.now(), dead_owner or None),
    )
    return cursor.rowcount == 1


def renew(store: JobStore, job_ids: Collection[str], owner: str, until: float) -> set[str]:
    """Extend the leases ``owner`` holds; returns the ids it no longer holds (lost)."""
    kept: set[str] = set()
    for job_id in job_ids:
        cursor = store.conn.execute(
            f"UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? "  # noqa: S608
            f"AND state IN {_RUNNING}",
            (until, job_id, owner),
        )
        if cursor.rowcount == 1:
            kept.add(job_id)
    return set(job_ids) - kept


def release(store: JobStore, job_ids: Collection[str], owner: str) -> None:
    """Give up leases (on stop), so a restart recovers the jobs at once."""
    for job_id in job_ids:
        store.conn.execute(
            "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL "
            "WHERE id = ? AND lease_owner = ?",
            (job_id, owner),
        )
