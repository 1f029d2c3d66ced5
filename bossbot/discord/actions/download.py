"""The ``download`` action: check each URL, then queue one job per URL."""

from __future__ import annotations

import time

from bossbot.discord.invocation import Invocation
from bossbot.discord.registry import Services, action
from bossbot.discord.roles import best_role
from bossbot.errors import BossError, InvalidUrl, TooManyUrls, WrongCommand
from bossbot.fetch.router import route
from bossbot.fetch.urls import check_url, refuse_private_literal
from bossbot.jobs import JobRequest
from bossbot.messages import render_error
from bossbot.messages.discord import accepted_text
from bossbot.spec import Spec

TOKEN_LIFETIME = 15 * 60  # seconds an interaction token can edit its response


def command_for(spec: Spec, site: str) -> str:
    """The command to suggest for a site group: the first one whose ``sites`` list it."""
    return next((name for name, cmd in spec.commands.items() if site in cmd.sites), "dl")


def site_of(inv: Invocation, services: Services, url: str) -> str:
    """The URL's site group, after the checks that need no network (instant answers)."""
    spec = services.spec
    refuse_private_literal(url, services.settings.allow_private_urls)
    site, group = route(url, spec)
    if inv.command.sites and site not in inv.command.sites:
        raise WrongCommand(site=group.description, command=command_for(spec, site))
    return site


def request_for(inv: Invocation, services: Services, url: str, site: str) -> JobRequest:
    """The job request for one URL of this invocation (status message set later)."""
    role = best_role(services.spec, inv.roles)
    limits = services.spec.roles[role]
    cap = min(limits.max_file_size, inv.upload_limit or limits.max_file_size)
    return JobRequest(
        url=url, cap=cap, command=inv.name, site=site, requester_id=inv.user_id,
        requester_name=inv.user_name, requester_roles=sorted(inv.roles), role=role,
        priority=limits.priority, user_limit=limits.max_queued, guild_id=inv.guild_id,
        channel_id=inv.channel_id, source_message_id=inv.message_id,
    )  # fmt: skip


async def queue_one(inv: Invocation, services: Services, url: str) -> None:
    """Check the URL, acknowledge (that reply becomes the status message), queue the job.

    Only checks that need no network answer at once; every address a download connects
    to is checked by the egress guard while it runs.
    """
    assert services.jobs is not None, "downloads need the job executor"  # noqa: S101
    try:
        url = check_url(url)
        site = site_of(inv, services, url)
    except BossError as error:
        await inv.reply.send(render_error(error, prefix=services.spec.prefix), ephemeral=True)
        return
    request = request_for(inv, services, url, site)
    status_id = await inv.reply.send(accepted_text(url))
    interaction = inv.interaction
    if status_id is None and interaction is not None:
        request.interaction_id, request.interaction_token = int(interaction.id), interaction.token
        request.token_expires_at = time.time() + TOKEN_LIFETIME
        status_id = int((await interaction.fetch_initial_response()).id)
    request.status_message_id = status_id
    try:
        await services.jobs.submit(request)
    except BossError as error:
        await inv.reply.edit(status_id, render_error(error, prefix=services.spec.prefix))


@action("download")
async def download(inv: Invocation, services: Services) -> None:
    """Queue one job per URL given, up to the declared maximum per message."""
    urls = [url.strip("<>") for url in str(inv.args.get("url", "")).split()]  # <url> hides embeds
    if not urls:
        raise InvalidUrl("no URL given")
    if len(urls) > services.spec.limits.max_urls_per_message:
        raise TooManyUrls(limit=services.spec.limits.max_urls_per_message)
    for url in urls:
        await queue_one(inv, services, url)
