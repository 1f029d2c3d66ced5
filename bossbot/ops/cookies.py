"""Doctor's word on cookies: which site groups have a cookies file, which would need one."""

from __future__ import annotations

from pathlib import Path

from bossbot.ops.checks import OK, WARN, Check
from bossbot.spec import Spec


def check_cookies(cookies_dir: Path | None, spec: Spec) -> Check:
    """Where cookies for login walls would be read from, and which are there."""
    names = list(spec.sites)
    if cookies_dir is None:
        hint = f"set BOSSBOT_COOKIES_DIR to a folder of <site group>.txt files ({', '.join(names)})"
        return Check(OK, "cookies", f"none: private and age-restricted posts fail; {hint}")
    if not cookies_dir.is_dir():
        return Check(WARN, "cookies", f"{cookies_dir} is not a folder: no cookies are sent")
    have = [name for name in names if (cookies_dir / f"{name}.txt").is_file()]
    missing = [f"{name}.txt" for name in names if name not in have]
    found = ", ".join(f"{name}.txt" for name in have) or "none"
    return Check(OK, "cookies", f"{cookies_dir}: {found}; would be read if added: "
                 f"{', '.join(missing) or 'none'}")  # fmt: skip
