"""The answers to a change of a server's settings (``/settings auto on``), or why not."""

from __future__ import annotations

from bossbot.guilds import BadSetting, Change, ChannelSettings
from bossbot.messages.settings import NEEDS_MANAGE, site_names, spelled_duration
from bossbot.spec import Spec


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
        text = f"Delete and Retry buttons now stay {spelled_duration(view.buttons_for)}{back}."
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
