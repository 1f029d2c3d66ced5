"""Ask a running bot's ``/healthz``: the container health check (``doctor --live``)."""

from __future__ import annotations

import httpx

from bossbot.endpoints import split_addr
from bossbot.ops.server import base_url

LOCAL = {"0.0.0.0": "127.0.0.1", "::": "::1"}  # noqa: S104 - mapped to loopback, not bound
"""A wildcard bind address is probed through loopback."""


def healthz_url(addr: str) -> str:
    """The ``/healthz`` URL of the endpoint bound to ``addr`` (``host:port``)."""
    host, port = split_addr(addr)
    return f"{base_url(LOCAL.get(host, host), port)}/healthz"


def probe(addr: str, timeout: float = 3.0) -> bool:
    """True when the bot's endpoint at ``addr`` answers ``/healthz`` with 200."""
    try:
        with httpx.Client(trust_env=False, timeout=timeout) as client:
            return client.get(healthz_url(addr)).status_code == 200
    except httpx.HTTPError:
        return False
