"""Failing the futures of a peer that went away (the guard or the zygote died)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any


def fail_all(futures: Iterable[asyncio.Future[Any]], error: Exception) -> None:
    """Set ``error`` on every future not done yet, marked seen (its waiter may be gone)."""
    for future in futures:
        if not future.done():
            future.set_exception(error)
            future.exception()
