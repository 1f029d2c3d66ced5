"""REST routes of the fake: gateway info, application, users, guild, channel, messages."""

from __future__ import annotations

import copy

from . import ids, payloads
from .context import Ctx, Reply, route
from .errors import ApiError, invalid_form, unknown
from .payloads import JSON
from .store import StoredMessage
from .world import MANAGE_MESSAGES

SUPPRESS_EMBEDS = 1 << 2


@route("GET", "/gateway")
async def get_gateway(ctx: Ctx) -> Reply:
    """Answer the gateway URL."""
    return Reply(json={"url": ctx.state.gateway_url()})


@route("GET", "/gateway/bot")
async def get_gateway_bot(ctx: Ctx) -> Reply:
    """Answer the gateway URL, the shard count, and a generous session start limit."""
    return Reply(json=payloads.gateway_bot(ctx.state.gateway_url(), 1 + len(ctx.state.others)))


@route("GET", "/oauth2/applications/@me", "/applications/@me")
async def get_application(ctx: Ctx) -> Reply:
    """Answer the application object."""
    return Reply(json=payloads.application(ctx.state.world))


@route("GET", "/users/@me")
async def get_me(ctx: Ctx) -> Reply:
    """Answer the bot user."""
    return Reply(json=payloads.my_user(ctx.state.world))


@route("GET", "/users/{user_id}")
async def get_user(ctx: Ctx) -> Reply:
    """Answer a user the fake has seen."""
    user_id = ctx.id("user_id")
    if user_id not in ctx.state.world.users:
        raise unknown("User")
    return Reply(json=payloads.user(ctx.state.world, user_id))


@route("POST", "/users/@me/channels")
async def open_dm(ctx: Ctx) -> Reply:
    """Open (or reuse) the DM channel with a user."""
    user_id = int(ctx.json["recipient_id"])
    channel_id = ctx.state.dm_channels.setdefault(user_id, ids.snowflake())
    recipient = payloads.user(ctx.state.world, user_id)
    return Reply(json={"id": str(channel_id), "type": 1, "recipients": [recipient],
                       "last_message_id": None, "flags": 0})  # fmt: skip


@route("GET", "/guilds/{guild_id}")
async def get_guild(ctx: Ctx) -> Reply:
    """Answer the guild (with approximate counts when asked)."""
    ctx.state.guild(ctx.id("guild_id"))
    guild = payloads.guild(ctx.state.world)
    if ctx.query.get("with_counts") in ("true", "True", "1"):
        guild.update(approximate_member_count=2, approximate_presence_count=1)
    return Reply(json=guild)


@route("GET", "/guilds/{guild_id}/roles")
async def get_roles(ctx: Ctx) -> Reply:
    """Answer the guild's roles."""
    ctx.state.guild(ctx.id("guild_id"))
    return Reply(json=[payloads.role(r) for r in ctx.state.world.roles])


@route("GET", "/guilds/{guild_id}/channels")
async def get_channels(ctx: Ctx) -> Reply:
    """Answer the guild's one text channel."""
    ctx.state.guild(ctx.id("guild_id"))
    return Reply(json=[payloads.text_channel(ctx.state.world)])


@route("GET", "/guilds/{guild_id}/members/{user_id}")
async def get_member(ctx: Ctx) -> Reply:
    """Answer a member: the bot, or a user the fake has seen (with their last roles)."""
    state, user_id = ctx.state, ctx.id("user_id")
    state.guild(ctx.id("guild_id"))
    if user_id == state.world.bot_id:
        roles: tuple[int, ...] = tuple(state.world.bot_role_ids())
    elif user_id in state.member_roles:
        roles = state.member_roles[user_id]
    else:
        raise unknown("Member")
    return Reply(json=payloads.member(state.world, user_id, roles))


@route("GET", "/channels/{channel_id}")
async def get_channel(ctx: Ctx) -> Reply:
    """Answer the text channel."""
    ctx.state.channel(ctx.id("channel_id"))
    return Reply(json=payloads.text_channel(ctx.state.world))


@route("POST", "/channels/{channel_id}/typing")
async def trigger_typing(ctx: Ctx) -> Reply:
    """Accept a typing indicator."""
    ctx.state.channel(ctx.id("channel_id"))
    return Reply(204)


@route("GET", "/channels/{channel_id}/messages")
async def list_messages(ctx: Ctx) -> Reply:
    """Answer the channel's messages, newest first (limit, before, after).

    As Discord does: ``after`` gives the ``limit`` messages right after that id (the
    oldest of them), otherwise the newest ones (before ``before``, when given).
    """
    channel_id = ctx.state.channel(ctx.id("channel_id"))
    found = sorted(ctx.state.store.visible(channel_id), key=lambda m: m.id)
    limit = int(ctx.query.get("limit", 50))
    if "after" in ctx.query:
        found = [m for m in found if m.id > int(ctx.query["after"])][:limit]
    elif "before" in ctx.query:
        found = [m for m in found if m.id < int(ctx.query["before"])][-limit:]
    else:
        found = found[-limit:]
    return Reply(json=[m.payload for m in reversed(found)])


def _reply_fields(ctx: Ctx, channel_id: int) -> JSON:
    reference = ctx.json.get("message_reference")
    if not reference or reference.get("type", 0) != 0:
        return {}
    try:
        target = ctx.state.store.get(int(reference.get("message_id") or 0), channel_id)
    except ApiError:
        if reference.get("fail_if_not_exists") is False:
            return {}
        raise invalid_form(
            "message_reference", "Unknown message", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE"
        ) from None
    return {
        "msg_type": 19,
        "message_reference": {
            "type": 0,
            "channel_id": str(channel_id),
            "message_id": str(target.id),
            "guild_id": str(ctx.state.world_of(channel_id).guild_id),
        },
        "referenced_message": copy.deepcopy(target.payload),
    }


@route("POST", "/channels/{channel_id}/messages")
async def create_message(ctx: Ctx) -> Reply:
    """Create a message from the bot (JSON or multipart), honouring ``enforce_nonce``."""
    state = ctx.state
    channel_id = state.channel(ctx.id("channel_id"))
    stored, new = state.store.create(
        channel_id,
        state.bot_user(),
        ctx.json,
        ctx.files,
        limit=state.world.upload_limit,
        roles=tuple(state.world.bot_role_ids()),
        **_reply_fields(ctx, channel_id),
    )
    if new:
        await state.echo("MESSAGE_CREATE", stored)
    return Reply(json=stored.payload)


@route("GET", "/channels/{channel_id}/messages/{message_id}")
async def get_message(ctx: Ctx) -> Reply:
    """Answer one live message."""
    channel_id = ctx.state.channel(ctx.id("channel_id"))
    return Reply(json=ctx.state.store.get(ctx.id("message_id"), channel_id).payload)


def _suppress_embeds(ctx: Ctx, stored: StoredMessage) -> None:
    """Someone else's message: only its SUPPRESS_EMBEDS flag, and with Manage Messages.

    As Discord: a change to any other field is refused (50005), a missing permission too
    (50013); ``allowed_mentions`` (which hikari always sends) changes nothing stored.
    """
    world = ctx.state.world
    if set(ctx.json) - {"flags", "allowed_mentions"}:
        raise ApiError(403, 50005, "Cannot edit a message authored by another user")
    if not world.permissions(world.bot_role_ids(), world.bot_id) & MANAGE_MESSAGES:
        raise ApiError(403, 50013, "Missing Permissions")
    suppress = (ctx.json.get("flags") or 0) & SUPPRESS_EMBEDS
    stored.payload["flags"] = (stored.payload["flags"] & ~SUPPRESS_EMBEDS) | suppress
    if suppress:
        stored.payload["embeds"] = []


@route("PATCH", "/channels/{channel_id}/messages/{message_id}")
async def edit_message(ctx: Ctx) -> Reply:
    """Edit one of the bot's messages (404 once deleted); of others', only hide the embeds."""
    state = ctx.state
    channel_id = state.channel(ctx.id("channel_id"))
    stored = state.store.get(ctx.id("message_id"), channel_id)
    if stored.author_id != state.world.bot_id:
        _suppress_embeds(ctx, stored)
    else:
        state.store.edit(stored, ctx.json, ctx.files, limit=state.world.upload_limit)
    await state.echo("MESSAGE_UPDATE", stored)
    return Reply(json=stored.payload)


@route("DELETE", "/channels/{channel_id}/messages/{message_id}")
async def delete_message(ctx: Ctx) -> Reply:
    """Delete a message (the bot may: it has Manage Messages)."""
    state = ctx.state
    stored = state.store.get(ctx.id("message_id"), state.channel(ctx.id("channel_id")))
    stored.deleted = True
    await state.echo_delete(stored)
    return Reply(204)


def _reactions(ctx: Ctx) -> list[JSON]:
    stored = ctx.state.store.get(ctx.id("message_id"), ctx.state.channel(ctx.id("channel_id")))
    return stored.payload.setdefault("reactions", [])


@route("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me")
async def add_reaction(ctx: Ctx) -> Reply:
    """Add the bot's reaction (``name`` or ``name:id`` emoji)."""
    reactions, emoji = _reactions(ctx), ctx.params["emoji_name"]
    name, _, emoji_id = emoji.partition(":")
    if not any(r["emoji"]["name"] == name for r in reactions):
        reactions.append(
            {
                "count": 1,
                "count_details": {"burst": 0, "normal": 1},
                "me": True,
                "me_burst": False,
                "burst_colors": [],
                "emoji": {"id": emoji_id or None, "name": name},
            }
        )
    return Reply(204)


@route("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me")
async def remove_reaction(ctx: Ctx) -> Reply:
    """Remove the bot's reaction."""
    reactions, name = _reactions(ctx), ctx.params["emoji_name"].partition(":")[0]
    reactions[:] = [r for r in reactions if r["emoji"]["name"] != name]
    return Reply(204)


@route("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions")
async def clear_reactions(ctx: Ctx) -> Reply:
    """Remove every reaction."""
    _reactions(ctx).clear()
    return Reply(204)
