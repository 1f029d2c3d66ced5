"""The ``cancel`` action: ``$dlc [job]`` cancels your latest job, or the one named."""

from __future__ import annotations

from bossbot.discord.cancelling import cancel_for
from bossbot.discord.invocation import Invocation
from bossbot.discord.registry import Services, action


@action("cancel")
async def cancel(inv: Invocation, services: Services) -> None:
    """Cancel and say so; refusals are raised and answered privately by the dispatcher."""
    job_id = inv.args.get("job")
    text = await cancel_for(services, job_id, inv.user_id, inv.guild_id, inv.roles)
    await inv.reply.send(text, ephemeral=True)
