"""The ``download`` action: check each URL, then queue one job per URL."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from bossbot.discord.invocation import Invocation
from bossbot.discord.registry import Services, action
from bossbot.discord.repeats import answer_repeat
from bossbot.discord.roles import best_role
from bossbot.errors import BossError, TooManyUrls, WrongCommand
from bossbot.fetch.router import route
from bossbot.fetch.urls import check_url, refuse_private_literal
from bossbot.jobs import JobRequest
from bossbot.links import Link, find_links
from bossbot.media.info import MediaInfo
from bossbot.messages import render_error
from bossbot.messages.discord import accepted_text, no_link_text, skipped_text
from bossbot.messages.results import named
from bossbot.spec import Spec

TOKEN_LIFETIME = 15 * 60  # seconds an interaction token can edit its response


def command_for(spec: Spec, site: str) -> str:
    """The command to suggest for a site group: the first one whose ``sites`` list it."""
    return next((name for name, cmd in spec.commands.items() if site in cmd.sites), "dl")


def site_of(inv: Invocation, services: Services, url: str) -> str:
    """The URL's site group, after the checks that need no network (instant answers)."""
    refuse_private_literal(url, services.settings.allow_private_urls)
    site, group = route(url, spec := services.spec)
    if inv.command.sites and site not in inv.command.sites:
        raise WrongCommand(site=group.description, command=command_for(spec, site), used=inv.name)
    return site


def request_for(inv: Invocation, services: Services, link: Link, site: str) -> JobRequest:
    """The job request for one link of this invocation (status message set later).

    What the member asked for with options (``spoiler``, ``audio``, ``quality``,
    ``fresh``) goes with it; a link hidden as ``||url||`` is a spoiler too.
    """
    role = best_role(services.spec, inv.roles)
    limits = services.spec.roles[role]
    cap = min(limits.max_file_size, inv.upload_limit or limits.max_file_size)
    quality = inv.args.get("quality")
    return JobRequest(
        url=link.url, cap=cap, command=inv.name, site=site, requester_id=inv.user_id,
        requester_name=inv.user_name, requester_roles=sorted(inv.roles), role=role,
        priority=limits.priority, user_limit=limits.max_queued, guild_id=inv.guild_id,
        channel_id=inv.channel_id, source_message_id=inv.message_id,
        spoiler=link.spoiler or bool(inv.args.get("spoiler")),
        audio=bool(inv.args.get("audio")), quality=int(quality) if quality else None,
        fresh=bool(inv.args.get("fresh")),
    )  # fmt: skip


async def queue_one(
    inv: Invocation, services: Services, link: Link,
    acknowledge: Callable[[str], Awaitable[int | None]] | None = None,
) -> bool:  # fmt: skip
    """Check the URL, acknowledge (that reply becomes the status message), queue the job.

    Only checks that need no network answer at once (the egress guard checks the rest); a
    link posted here lately is answered from that post (:mod:`bossbot.discord.repeats`)
    unless ``--fresh``. ``acknowledge`` replaces the reply (auto-detection reacts: a job
    without a status message). True once queued or answered from an earlier post.
    """
    assert services.jobs is not None, "downloads need the job executor"  # noqa: S101
    try:
        url = check_url(link.url)
        site = site_of(inv, services, url)
    except BossError as error:  # each link's answer names it: a message may hold several
        text = render_error(error, prefix=services.spec.prefix)
        await inv.reply.send(
            named(text, link.url, MediaInfo(), hidden=link.spoiler), ephemeral=True
        )
        return False
    request = request_for(inv, services, Link(url, link.spoiler), site)
    if await answer_repeat(inv, services, request):  # posted here lately: no download
        return True
    status_id = await (acknowledge or inv.reply.send)(accepted_text(url, hidden=request.spoiler))
    interaction = inv.interaction
    if status_id is None and interaction is not None:
        request.interaction_id, request.interaction_token = int(interaction.id), interaction.token
        request.token_expires_at = time.time() + TOKEN_LIFETIME
        status_id = int((await interaction.fetch_initial_response()).id)
    request.status_message_id = status_id
    try:
        await services.jobs.submit(request)
    except BossError as error:
        text = render_error(error, prefix=services.spec.prefix)
        await inv.reply.edit(status_id, named(text, url, MediaInfo(), hidden=request.spoiler))
        return False
    return True


@action("download")
async def download(inv: Invocation, services: Services) -> None:
    """Queue one job per link in the text (up to the declared maximum), then note the rest.

    Words that are no links are ignored; link-like ones that cannot be fetched get one
    short note, and a text without any link one clear answer.
    """
    spec = services.spec
    found = find_links(str(inv.args.get("url", "")), spec.named_hosts)
    if not found.links:
        example = f"{spec.prefix}{inv.command.examples[0]}"
        await inv.reply.send(no_link_text(example, found.skipped), ephemeral=True)
        return
    if len(found.links) > spec.limits.max_urls_per_message:
        raise TooManyUrls(limit=spec.limits.max_urls_per_message)
    hidden = bool(inv.args.get("spoiler"))
    for link in found.links:
        await queue_one(inv, services, Link(link.url, link.spoiler or hidden))
    if found.skipped:
        await inv.reply.send(skipped_text(found.skipped), ephemeral=True)
