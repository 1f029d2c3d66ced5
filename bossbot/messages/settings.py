"""What members see of per-server settings: ``/settings``, its refusals, and ``help``'s line."""

from __future__ import annotations

from bossbot.guilds import BadSetting, Change, ChannelSettings
from bossbot.messages.people import spoken
from bossbot.spec import Spec

NEEDS_MANAGE = (
    "⚠️ I lack **Manage Messages** in this channel, so link previews stay: give my role "
    "Manage Messages here to have them hidden."
)


def _duration(seconds: float) -> str:
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

    preview = "hidden" if view.embeds else "kept"
    lines = [
        "⚙️ **Settings** — this channel:",
        f"• Auto-detection: **{'on' if view.auto else 'off'}**{mark('auto')} — "
        f"{site_names(spec, view.sites)}{mark('sites')}",
        "This server:",
        f"• Link preview of a request once its files are posted: **{preview}**{mark('embeds')}",
        f"• Delete and Retry buttons stay **{_duration(view.buttons_for)}**{mark('buttons')}",
    ]
    if view.embeds and not may_hide:
        lines.append(NEEDS_MANAGE)
    changeable = ", ".join(f"`{name}`" for name in spec.server_settings.may_change)
    lines.append(f"Change one with `{spec.prefix}settings <setting> <value>` ({changeable}), "
                 "or `default` to go back.")  # fmt: skip
    return "\n".join(lines)


def changed_text(spec: Spec, change: Change, view: ChannelSettings, *, may_hide: bool) -> str:
    """The answer to a change: what now holds (and what is missing for it to work)."""
    back = " (the default)" if change.value is None else ""
    if change.name == "auto" and view.auto:
        text = (
            f"Auto-detection is now on in this channel{back}: links to "
            f"{site_names(spec, view.sites)} posted without a command are downloaded."
        )
    elif change.name == "auto":
        text = f"Auto-detection is now off in this channel{back}."
    elif change.name == "sites":
        text = f"Auto-detection here now covers {site_names(spec, view.sites)}{back}."
        if not view.auto:
            text += f" It is off: `{spec.prefix}settings auto on` turns it on."
    elif change.name == "embeds":
        text = (
            "Link previews of requests are now "
            + ("hidden once their files are posted" if view.embeds else "kept")
            + f"{back}."
        )
        if view.embeds and not may_hide:
            text += "\n" + NEEDS_MANAGE
    else:
        text = f"Delete and Retry buttons now stay {_duration(view.buttons_for)}{back}."
    return f"✅ {text}"


def bad_setting_text(spec: Spec, error: BadSetting) -> str:
    """Why a change was not made, and what would be."""
    data, usage = error.data, f"`{spec.prefix}settings` shows them."
    texts = {
        "unknown": f"There is no setting `{data.get('setting')}`. {usage}",
        "locked": f"This bot's owner does not let servers change `{data.get('setting')}`.",
        "switch": f"`{data.get('setting')}` takes `on`, `off` or `default`.",
        "sites": "Choose among " + ", ".join(f"`{s}`" for s in data.get("choosable", []))
        + (f" (not {', '.join(f'`{s}`' for s in data['unknown'])})" if data.get("unknown")
           else "") + ".",
        "seconds": f"`buttons` takes seconds from {data.get('low', 0):g} to "
        f"{data.get('high', 0):g}, or `default`.",
    }  # fmt: skip
    return f"✋ {texts[error.reason]}"


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
