"""The ``help`` action: the member's command list, or one command's page."""

from __future__ import annotations

from bossbot.discord.invocation import Invocation
from bossbot.discord.registry import Services, action
from bossbot.discord.roles import may_use
from bossbot.messages.help import help_command, help_index, unknown_topic
from bossbot.messages.settings import auto_line


@action("help")
async def show_help(inv: Invocation, services: Services) -> None:
    """Answer with the index, or with the page of the command named in ``command``.

    The index ends with what auto-detection does in this channel.
    """
    spec = services.spec
    topic = str(inv.args.get("command") or "").strip().removeprefix(spec.prefix).removeprefix("/")
    if not topic:
        usable = [name for name, cmd in spec.commands.items() if may_use(cmd, inv.roles)]
        text = help_index(spec, usable)
        if services.guilds is not None and inv.guild_id is not None:
            view = await services.guilds.channel(inv.guild_id, inv.channel_id)
            text = f"{text}\n{auto_line(spec, view)}"
        await inv.reply.send(text, ephemeral=True)
        return
    found = spec.find(topic.casefold())
    text = help_command(spec, found[0]) if found else unknown_topic(spec, topic)
    await inv.reply.send(text, ephemeral=True)
