"""Doctor checks of the settings: the token's shape and the folders the bot writes to."""

from __future__ import annotations

import base64
import binascii
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome of one check: ``ok``, ``warn`` or ``fail``, and what to do about it."""

    status: str
    name: str
    text: str


def application_id(part: str) -> int | None:
    """The application id encoded (base64, maybe unpadded) in a token's first part."""
    try:
        raw = base64.b64decode(part + "=" * (-len(part) % 4), altchars=b"-_", validate=True)
        text = raw.decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def check_token(token: str) -> Check:
    """The token is set and shaped like a bot token; its value is never shown."""
    token = token.strip()
    if not token:
        where = "the developer portal (Bot tab, Reset Token) into the environment or .env"
        return Check(
            FAIL, "token", f"BOSSBOT_DISCORD_TOKEN is not set: copy the token from {where}"
        )
    if token.lower().startswith("bot "):
        return Check(FAIL, "token", "starts with 'Bot ': set the bare token, without the prefix")
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        fix = "copy it again from the Bot tab of the developer portal"
        return Check(FAIL, "token", f"is not a bot token (three parts joined by dots): {fix}")
    app = application_id(parts[0])
    if app is None:
        fix = "use the bot token, not the client secret or the public key"
        return Check(FAIL, "token", f"its first part is not an application id: {fix}")
    return Check(OK, "token", f"well-formed, application id {app}")


def _existing_parent(path: Path) -> Path:
    """The nearest path above ``path`` that exists (a folder, or a file in the way)."""
    for parent in path.parents:
        if parent.exists():
            return parent
    return Path("/")  # pragma: no cover - the root always exists


def check_dir(name: str, variable: str, path: Path) -> Check:
    """``path`` is a writable folder, or can be created by this user."""
    path = path.absolute()
    if path.exists() and not path.is_dir():
        return Check(FAIL, name, f"{path} is not a folder: set {variable} to a folder")
    if path.is_dir():
        try:
            with tempfile.TemporaryFile(dir=path):
                pass
        except OSError as exc:
            fix = f"give it to the user the bot runs as, or set {variable}"
            return Check(FAIL, name, f"{path} is not writable ({exc.strerror}): {fix}")
        return Check(OK, name, f"{path} is writable")
    parent = _existing_parent(path)
    if parent.is_dir() and os.access(parent, os.W_OK | os.X_OK):
        return Check(OK, name, f"{path} will be created at start")
    fix = "create it and give it to the user the bot runs as"
    return Check(FAIL, name, f"{path} cannot be created ({parent} is not a writable folder): {fix}")
