"""Injected failures: 429 with Discord's headers and body, 5xx, 413, 403 and friends."""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from typing import Any

from .payloads import JSON, error

# Routes hikari treats as un-ratelimited: a bucket header there makes it log an error
# and mark the (module-global) route as limited for the rest of the process.
NO_BUCKET = re.compile(r"^/(interactions/|oauth2/token)")

_DEFAULT_BODIES: dict[int, JSON] = {
    400: error(50035, "Invalid Form Body"),
    401: error(0, "401: Unauthorized"),
    403: error(50013, "Missing Permissions"),
    404: error(0, "404: Not Found"),
    413: error(40005, "Request entity too large"),
}


def bucket_headers(
    path: str, *, remaining: int | None = None, reset_after: float = 1.0, limit: int = 50
) -> dict[str, str]:
    """Return ``X-RateLimit-*`` headers for a route (none for un-ratelimited routes).

    ``remaining`` defaults to ``limit - 1``: the bucket looks nearly unused every time.
    """
    if NO_BUCKET.search(path):
        return {}
    major = re.sub(r"/\d{6,}", "/:id", path)
    return {
        "X-RateLimit-Bucket": f"fake{abs(hash(major)) % 10**12:012d}",
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(limit - 1 if remaining is None else remaining),
        "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
        "X-RateLimit-Reset-After": f"{reset_after:.3f}",
    }


@dataclass
class Fault:
    """One injected failure rule.

    Attributes:
        method: HTTP method, or ``"*"``.
        pattern: Regex searched in the path below ``/api/v10``.
        status: Status to answer.
        times: How many matching requests fail (None: all of them).
        retry_after: Seconds for 429 answers.
        body: JSON body to answer (Discord's usual one when None).
        global_: 429 on the global limit.
        scope: ``X-RateLimit-Scope`` of a 429 (``user``, ``shared`` or ``global``).
        code: Discord error code, overriding the usual one.
        delay: Seconds to wait before answering.
        hits: How many requests this rule failed so far.
    """

    method: str
    pattern: re.Pattern[str]
    status: int = 429
    times: int | None = 1
    retry_after: float = 0.05
    body: JSON | None = None
    global_: bool = False
    scope: str | None = None
    code: int | None = None
    delay: float = 0.0
    hits: int = field(default=0)

    @property
    def exhausted(self) -> bool:
        """Whether the rule has failed all the requests it should."""
        return self.times is not None and self.hits >= self.times

    def answer(self, path: str) -> tuple[int, JSON, dict[str, str]]:
        """Return status, body and headers of the failure for ``path``."""
        headers: dict[str, str] = {}
        if self.status == 429:
            body: dict[str, Any] = {
                "message": "You are being rate limited.",
                "retry_after": self.retry_after,
                "global": self.global_,
                "code": 0,
            }
            scope = self.scope or ("global" if self.global_ else "user")
            headers = {
                **bucket_headers(path, remaining=0, reset_after=self.retry_after),
                "Retry-After": str(max(1, math.ceil(self.retry_after))),
                "X-RateLimit-Scope": scope,
            }
            if self.global_:
                headers["X-RateLimit-Global"] = "true"
        elif self.status >= 500:
            body = error(0, f"{self.status}: Server Error")
        else:
            body = dict(_DEFAULT_BODIES.get(self.status, error(0, f"{self.status}: Error")))
        if self.code is not None:
            body["code"] = self.code
        return self.status, self.body if self.body is not None else body, headers


class Faults:
    """The active fault rules, first added first served."""

    def __init__(self) -> None:
        """Start with no faults."""
        self.rules: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Add a rule and return it (its ``hits`` show how often it fired)."""
        self.rules.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """Return (and count) the first live rule matching the request."""
        for fault in self.rules:
            wanted = fault.method.upper() in ("*", method.upper())
            if not fault.exhausted and wanted and fault.pattern.search(path):
                fault.hits += 1
                return fault
        return None
