"""Store calls run whole: once started, a write completes even if its caller is cancelled.

A cancelled caller (a stopped job, a timeout) must not leave the caller unsure whether its
transition was committed: the call runs on to its end, and only then is the cancellation
passed on. Store calls take milliseconds, so the cancellation is barely delayed.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import Executor
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def settled(future: asyncio.Future[T]) -> T:
    """Await ``future``; when cancelled meanwhile, wait for it to finish, then re-raise."""
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        while not future.done():
            try:
                await asyncio.wait([future])
            except asyncio.CancelledError:
                continue
        raise


def whole(
    method: Callable[Concatenate[Any, P], Coroutine[Any, Any, T]],
) -> Callable[Concatenate[Any, P], Awaitable[T]]:
    """Decorate an async store method so that each call runs to its end (see above)."""

    @functools.wraps(method)
    async def run(self: Any, *args: P.args, **kwargs: P.kwargs) -> T:
        return await settled(asyncio.ensure_future(method(self, *args, **kwargs)))

    return run


class Threaded(Protocol):
    """A store whose blocking calls run on its own thread (one at a time, in order)."""

    thread: Executor


def in_thread(
    method: Callable[Concatenate[Any, P], T],
) -> Callable[Concatenate[Any, P], Awaitable[T]]:
    """Turn a blocking store method into a coroutine run whole on the store's thread.

    The event loop stays free while SQLite reads, writes or waits for a lock; one thread
    per store keeps its connection's calls in order.
    """

    @functools.wraps(method)
    async def run(self: Threaded, *args: P.args, **kwargs: P.kwargs) -> T:
        call = functools.partial(method, self, *args, **kwargs)
        return await settled(asyncio.get_running_loop().run_in_executor(self.thread, call))

    return run
