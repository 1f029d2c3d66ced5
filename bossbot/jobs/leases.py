"""Lease owners: a running job is leased to one process, named ``host:pid:random``."""

from __future__ import annotations

import os
import socket
import uuid


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
