"""Every REST request the fake received, and waiting for one to arrive."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .messages import FakeFile


@dataclass
class FakeRequest:
    """One REST request as the fake received it.

    Attributes:
        method: HTTP method.
        path: Path below ``/api/v10``, e.g. ``/channels/1/messages``.
        query: Query parameters.
        json: The JSON body, or the parsed ``payload_json`` of a multipart body.
        files: File parts of a multipart body.
        headers: Request headers.
        received_at: ``time.monotonic()`` when the request arrived.
        route: The matched OpenAPI path template (None for an unknown route).
        status: The status the fake answered.
        problems: Spec violations found in this request.
    """

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[FakeFile]
    headers: dict[str, str]
    received_at: float
    route: str | None = None
    status: int = 0
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


Predicate = Callable[[FakeRequest], bool]


def matcher(what: str | Predicate, path_regex: str | None = None) -> Predicate:
    """Turn ``(method, path_regex)`` or a predicate into a predicate.

    Args:
        what: A predicate, or a method (``"*"`` for any).
        path_regex: Regex searched in the path (with a method).

    Returns:
        The predicate.
    """
    if callable(what):
        return what
    method = what.upper()
    pattern = re.compile(path_regex or "")
    return lambda r: method in ("*", r.method) and bool(pattern.search(r.path))


class RequestLog:
    """The list of received requests, with waiters."""

    def __init__(self) -> None:
        """Start with no requests."""
        self.items: list[FakeRequest] = []
        self._waiters: list[tuple[Predicate, asyncio.Future[FakeRequest]]] = []

    def record(self, request: FakeRequest) -> None:
        """Append a handled request and wake the waiters it satisfies."""
        self.items.append(request)
        for predicate, future in list(self._waiters):
            if not future.done() and predicate(request):
                future.set_result(request)

    def find(self, what: str | Predicate, path_regex: str | None = None) -> list[FakeRequest]:
        """Return the received requests that match."""
        predicate = matcher(what, path_regex)
        return [r for r in self.items if predicate(r)]

    async def wait_for(
        self,
        what: str | Predicate,
        path_regex: str | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109  (like asyncio.wait_for)
        new_only: bool = False,
    ) -> FakeRequest:
        """Return the first matching request, waiting for it if needed.

        Args:
            what: A predicate, or a method (``"*"`` for any).
            path_regex: Regex searched in the path (with a method).
            timeout: Seconds to wait.
            new_only: Ignore requests received before this call.

        Returns:
            The request (already answered: its ``status`` is set).

        Raises:
            AssertionError: Nothing matched in time (lists what did arrive).
        """
        predicate = matcher(what, path_regex)
        if not new_only:
            for request in self.items:
                if predicate(request):
                    return request
        future: asyncio.Future[FakeRequest] = asyncio.get_running_loop().create_future()
        entry = (predicate, future)
        self._waiters.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            seen = ", ".join(str(r) for r in self.items[-10:]) or "nothing"
            wanted = what if isinstance(what, str) else getattr(what, "__name__", "predicate")
            raise AssertionError(
                f"no request matching {wanted} {path_regex or ''} within {timeout}s; last: {seen}"
            ) from None
        finally:
            self._waiters.remove(entry)
