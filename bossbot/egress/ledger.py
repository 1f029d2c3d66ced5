"""The guard's credentials, one per job step, and the enforcement of their budgets."""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Callable

from bossbot.egress.budget import Budget, Token

Violation = Callable[[Token, str, str], None]
"""Called as ``(token, kind, detail)`` when a token breaks a budget or is blamed."""


class Ledger:
    """The guard's credentials. ``on_violation`` hears of every broken budget and blame."""

    def __init__(self, on_violation: Violation) -> None:
        self.tokens: dict[str, Token] = {}
        self.on_violation = on_violation

    def open(self, name: str, budget: Budget) -> Token:
        """A fresh credential named ``name`` (replacing any earlier one of that name)."""
        self.close(name)
        token = Token(name, secrets.token_urlsafe(18), budget)
        self.tokens[name] = token
        return token

    def close(self, name: str) -> Token | None:
        """Forget a credential and drop its connections; returns it with its counters."""
        token = self.tokens.pop(name, None)
        if token is not None:
            for closer in list(token.closers):
                closer()
        return token

    def authenticate(self, header: str | None) -> Token | None:
        """The token a ``Proxy-Authorization: Basic ...`` header proves, else None."""
        scheme, _, value = (header or "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            name, _, secret = base64.b64decode(value.strip(), validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        token = self.tokens.get(name)
        if token is None or not secrets.compare_digest(token.secret, secret):
            return None
        return token

    def stop(self, token: Token, kind: str, detail: str) -> None:
        """Break ``token``: report why, drop its connections, refuse it from now on."""
        if token.broken is None:
            token.broken = kind
            self.on_violation(token, kind, detail)
        for closer in list(token.closers):
            closer()

    def count_request(self, token: Token) -> bool:
        """Count one request; False (and the token broken) once over the budget."""
        token.requests += 1
        if token.requests > token.budget.requests:
            self.stop(token, "requests", f"more than {token.budget.requests} requests")
            return False
        return True

    def take(self, token: Token, size: int) -> int:
        """Account ``size`` bytes read; returns how many of them may pass on."""
        allowed = min(size, token.allowance())
        token.read += allowed
        token.this_second += allowed
        if allowed < size:
            self.stop(token, "bytes", f"read more than {token.budget.bytes + token.extra} bytes")
        return allowed

    def tick(self) -> None:
        """Close one second of every token's rate window; stop those that stalled."""
        for token in list(self.tokens.values()):
            reason = token.close_second()
            if reason is not None and token.broken is None:
                self.stop(token, "slow", reason)
