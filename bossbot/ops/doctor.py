"""``bossbot doctor``: run every check and print one line per check, then a summary."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection, Sequence
from datetime import date

from bossbot.ops.checks import FAIL, WARN, Check, check_dir, check_token
from bossbot.ops.cookies import check_cookies
from bossbot.ops.extras import check_deno, check_extras
from bossbot.ops.state import check_commands, check_database, check_metrics, check_postgres
from bossbot.ops.tools import check_downloader, check_ffmpeg
from bossbot.settings import Settings
from bossbot.spec import load_spec


def diagnose(
    settings: Settings,
    actions: Collection[str],
    *,
    today: date | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[Check]:
    """Every check, in the order an operator fixes things."""
    today = today or date.today()
    data_dir = check_dir("data dir", "BOSSBOT_DATA_DIR", settings.data_dir)
    checks = [check_token(settings.discord_token), data_dir]
    if settings.database_url:
        checks.append(check_postgres(settings.database_url))
    elif data_dir.status != FAIL:  # the database lives in it: fix the folder first
        checks.append(check_database(settings.data_dir))
    commands = check_commands(settings.commands_file, actions)
    checks.append(commands)
    if commands.status != FAIL:  # which cookies would be read depends on the site groups
        spec = load_spec(settings.commands_file, actions)
        checks.append(check_cookies(settings.cookies_dir, spec))
    checks += [
        check_ffmpeg(which),
        check_downloader("yt-dlp", "yt_dlp", today, dated=True),
        check_downloader("gallery-dl", "gallery_dl", today),
        *check_extras(),
        check_deno(),
    ]
    if settings.log_dir is not None:
        checks.append(check_dir("log dir", "BOSSBOT_LOG_DIR", settings.log_dir))
    checks.append(check_metrics(settings.metrics_addr))
    return checks


def failed(checks: Sequence[Check]) -> bool:
    """True when any check failed (the bot would not run properly)."""
    return any(check.status == FAIL for check in checks)


def report(checks: Sequence[Check]) -> str:
    """One ``status name text`` line per check and a summary line."""
    lines = [f"{check.status:<4} {check.name:<10} {check.text}" for check in checks]
    fails = sum(check.status == FAIL for check in checks)
    warns = sum(check.status == WARN for check in checks)
    if fails:
        lines.append(f"{fails} failed, {warns} warned: fix the failed checks before `bossbot run`")
    elif warns:
        lines.append(f"no failures, {warns} warned: the bot can run")
    else:
        lines.append("all checks passed")
    return "\n".join(lines)
