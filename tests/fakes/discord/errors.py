"""The error a REST handler raises to answer like Discord does (status, JSON code)."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A Discord API error answer.

    Attributes:
        status: HTTP status.
        code: Discord's JSON error code (0 when Discord sends none).
        message: Discord's error message.
        errors: Nested field errors for 50035 (Invalid Form Body).
    """

    def __init__(
        self, status: int, code: int, message: str, errors: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors


def unknown(what: str) -> ApiError:
    """Return the 404 error for an unknown entity (``"Message"``, ``"Channel"``...)."""
    codes = {
        "Application": 10002,
        "Channel": 10003,
        "Guild": 10004,
        "Member": 10007,
        "Message": 10008,
        "Role": 10011,
        "User": 10013,
        "Emoji": 10014,
        "Webhook": 10015,
        "interaction": 10062,
        "application command": 10063,
    }
    return ApiError(404, codes[what], f"Unknown {what}")


def invalid_form(field: str, message: str, code: str = "BASE_TYPE_INVALID") -> ApiError:
    """Return a 400 Invalid Form Body error naming ``field``."""
    errors = {field: {"_errors": [{"code": code, "message": message}]}}
    return ApiError(400, 50035, "Invalid Form Body", errors)
