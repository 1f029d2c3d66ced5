"""What members see of per-server settings: ``/settings``, its refusals, and ``help``'s line.

The answers to a change are in :mod:`bossbot.messages.changes`.
"""

from __future__ import annotations

from bossbot.guilds import ChannelSettings
from bossbot.messages.people import spoken
from bossbot.spec import Spec

NEEDS_MANAGE = (
    "⚠️ I lack **Manage Messages** in this channel, so link previews stay: give my role "
    "Manage Messages here to have them hidden."
)


def spelled_duration(seconds: float) -> str:
    """``15 minutes``, ``2 hours``, ``90 seconds``."""
    for size, unit in ((86_400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size and seconds % size == 0:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds:g} seconds"


def site_names(spec: Spec, sites: tuple[str, ...] | list[str]) -> str:
    """The site groups as members know them: ``Twitter / X, Reddit and TikTok``."""
    return spoken([spec.sites[site].description for site in sites if site in spec.sites], "and")


def auto_line(spec: Spec, view: ChannelSettings) -> str:
    """One line on auto-detection in this channel (help shows it too)."""
    if not view.auto:
        return f"🔗 Auto-detection is **off** here: links need `{spec.prefix}dl`."
    return (
        f"🔗 Auto-detection is **on** here: links to {site_names(spec, view.sites)} posted "
        "without a command are downloaded."
    )


def settings_text(spec: Spec, view: ChannelSettings, *, may_hide: bool) -> str:
    """The settings in force in this channel, and how to change them."""

    def mark(name: str) -> str:
        return " *(changed)*" if name in view.changed else ""

    preview, kept = "hidden" if view.embeds else "kept", spelled_duration(view.buttons_for)
    lines = [
        "⚙️ **Settings** — this channel:",
        f"• Auto-detection: **{'on' if view.auto else 'off'}**{mark('auto')} — "
        f"{site_names(spec, view.sites)}{mark('sites')}",
        "This server:",
        f"• Link preview of a request once its files are posted: **{preview}**{mark('embeds')}",
        f"• Delete and Retry buttons stay **{kept}**{mark('buttons')}",
    ]
    if view.embeds and not may_hide:
        lines.append(NEEDS_MANAGE)
    changeable = ", ".join(f"`{name}`" for name in spec.server_settings.may_change)
    lines.append(f"Change one with `{spec.prefix}settings <setting> <value>` ({changeable}), "
                 "or `default` to go back.")  # fmt: skip
    return "\n".join(lines)


def cannot_hide_text() -> str:
    """Said once in a channel where a server asked for hidden previews the bot cannot hide."""
    return (
        "⚠️ This server asked me to hide the link preview of requests once their files are "
        "posted, but I lack **Manage Messages** in this channel: give my role Manage "
        "Messages here, or turn it off with `/settings embeds off`."
    )


def settings_refused() -> str:
    """The private answer to a member without Manage Server."""
    return "🔒 Only members with the **Manage Server** permission can see or change the settings."


def no_settings_here() -> str:
    """``/settings`` where there are none: outside a server, or with no job store."""
    return "⚙️ Settings are per server: use this command in a server channel."
