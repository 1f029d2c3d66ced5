"""Leases: a running job is owned by one process until its lease expires."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from bossbot.jobs.machine import RUNNING
from bossbot.jobs.queries import sql_states
from bossbot.jobs.store import JobStore

_RUNNING = sql_states(RUNNING)


def new_owner() -> str:
    """A lease owner name unique to this executor."""
    return uuid.uuid4().hex[:12]


def take_lease(store: JobStore, job_id: str, owner: str, until: float) -> bool:
    """Take a started job whose lease is missing or expired; False if someone holds it."""
    cursor = store.conn.execute(
        f"UPDATE jobs SET lease_owner = ?, lease_expires_at = ? WHERE id = ? "  # noqa: S608
        f"AND state IN {_RUNNING} AND (lease_expires_at IS NULL OR lease_expires_at < ?)",
        (owner, until, job_id, store.clock.now()),
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
