"""REST routes of the fake for application commands, interaction callbacks and follow-ups."""

from __future__ import annotations

from . import ids, interactions, messages
from .context import Ctx, Reply, State, route
from .errors import ApiError, invalid_form, unknown
from .interactions import InteractionRecord
from .payloads import JSON
from .store import StoredMessage

_GLOBAL = "/applications/{application_id}/commands"
_GUILD = "/applications/{application_id}/guilds/{guild_id}/commands"
# Callback types allowed per interaction type (2 command, 3 component, 4 autocomplete).
_ALLOWED = {2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}}


def _scope(ctx: Ctx) -> int | None:
    if ctx.id("application_id") != ctx.state.world.application_id:
        raise ApiError(403, 50001, "Missing Access")
    return ctx.state.guild(ctx.id("guild_id")) if "guild_id" in ctx.params else None


@route("GET", _GLOBAL, _GUILD)
async def list_commands(ctx: Ctx) -> Reply:
    """Answer the synced commands of the scope."""
    return Reply(json=ctx.state.commands.list(_scope(ctx)))


@route("PUT", _GLOBAL, _GUILD)
async def overwrite_commands(ctx: Ctx) -> Reply:
    """Replace the scope's commands (bulk overwrite), assigning ids and versions."""
    scope = _scope(ctx)
    return Reply(json=ctx.state.commands.overwrite(scope, ctx.body or []))


@route("POST", _GLOBAL, _GUILD)
async def create_command(ctx: Ctx) -> Reply:
    """Create or replace one command (201 when new)."""
    command, new = ctx.state.commands.upsert(_scope(ctx), ctx.json)
    return Reply(201 if new else 200, command)


@route("GET", f"{_GLOBAL}/{{command_id}}", f"{_GUILD}/{{command_id}}")
async def get_command(ctx: Ctx) -> Reply:
    """Answer one command."""
    return Reply(json=ctx.state.commands.get(_scope(ctx), ctx.id("command_id")))


@route("DELETE", f"{_GLOBAL}/{{command_id}}", f"{_GUILD}/{{command_id}}")
async def delete_command(ctx: Ctx) -> Reply:
    """Delete one command."""
    ctx.state.commands.delete(_scope(ctx), ctx.id("command_id"))
    return Reply(204)


def _response_message(
    state: State, record: InteractionRecord, ctx: Ctx, data: JSON
) -> StoredMessage:
    stored, _ = state.store.create(
        state.world.channel_id,
        state.bot_user(),
        data,
        ctx.files,
        limit=record.limit,
        roles=tuple(state.world.bot_role_ids()),
        allow_ephemeral=True,
        msg_type=20 if record.type == interactions.APPLICATION_COMMAND else 0,
        webhook_id=str(state.world.application_id),
        application_id=str(state.world.application_id),
        interaction_metadata=interactions.metadata(record),
    )
    return stored


def _loading_message(state: State, record: InteractionRecord, data: JSON) -> StoredMessage:
    flags = messages.LOADING | ((data.get("flags") or 0) & messages.EPHEMERAL)
    payload = messages.message(
        message_id=ids.snowflake(),
        channel_id=state.world.channel_id,
        author=state.bot_user(),
        flags=flags,
        msg_type=20 if record.type == interactions.APPLICATION_COMMAND else 0,
        webhook_id=str(state.world.application_id),
        application_id=str(state.world.application_id),
        interaction_metadata=interactions.metadata(record),
    )
    return state.store.add(payload, roles=tuple(state.world.bot_role_ids()))


@route("POST", "/interactions/{interaction_id}/{interaction_token}/callback")
async def interaction_callback(ctx: Ctx) -> Reply:
    """Answer an interaction: message, deferral, update, autocomplete choices or modal."""
    state, body = ctx.state, ctx.json
    record = state.interactions.get(ctx.id("interaction_id"))
    if record is None:
        raise unknown("interaction")
    record.check_callback(ctx.params["interaction_token"], state.ack_deadline)
    kind, data = body.get("type"), body.get("data") or {}
    if kind not in _ALLOWED[record.type]:
        raise invalid_form(
            "type",
            "Interaction response type is not valid for this interaction",
            "INTERACTION_RESPONSE_TYPE_INVALID",
        )
    stored: StoredMessage | None = None
    if kind == 4:
        stored = _response_message(state, record, ctx, data)
        await state.echo("MESSAGE_CREATE", stored)
    elif kind == 5:
        stored = _loading_message(state, record, data)
        await state.echo("MESSAGE_CREATE", stored)
    elif kind in (6, 7):
        stored = state.store.get(int(record.payload["message"]["id"]))
        if kind == 7:
            state.store.edit(stored, data, ctx.files, limit=record.limit)
            await state.echo("MESSAGE_UPDATE", stored)
    if stored is not None:
        record.original_id = stored.id
    record.responses.append(body)
    if ctx.query.get("with_response") not in ("true", "True", "1"):
        return Reply(204)
    return Reply(json=_callback_response(record, kind, stored if kind in (4, 5, 7) else None))


# Discord documents a ``resource`` (the message) for these callback types only.
_RESOURCE_TYPES = (4, 7)


def _callback_response(record: InteractionRecord, kind: int, stored: StoredMessage | None) -> JSON:
    callback: JSON = {"id": str(record.id), "type": record.type}
    answer: JSON = {"interaction": callback}
    if stored is not None:
        flags = stored.payload["flags"]
        callback["response_message_id"] = str(stored.id)
        callback["response_message_loading"] = bool(flags & messages.LOADING)
        callback["response_message_ephemeral"] = bool(flags & messages.EPHEMERAL)
        if kind in _RESOURCE_TYPES:
            answer["resource"] = {"type": kind, "message": stored.payload}
    return answer


def _record(ctx: Ctx) -> InteractionRecord:
    state = ctx.state
    if ctx.id("webhook_id") == state.world.application_id:
        for record in state.interactions.values():
            if record.payload["token"] == ctx.params["webhook_token"]:
                record.check_webhook()
                if record.acknowledged:
                    return record
    raise unknown("Webhook")


def _webhook_message(ctx: Ctx, record: InteractionRecord) -> StoredMessage:
    raw = ctx.params.get("message_id", "@original")
    if raw == "@original":
        if record.original_id is None:
            raise unknown("Message")
        return ctx.state.store.get(record.original_id)
    if int(raw) not in (record.original_id, *record.followups):
        raise unknown("Message")
    return ctx.state.store.get(int(raw))


@route("POST", "/webhooks/{webhook_id}/{webhook_token}")
async def create_followup(ctx: Ctx) -> Reply:
    """Send a follow-up; the first one after a deferral fills the loading message."""
    state, record = ctx.state, _record(ctx)
    original = state.store.get(record.original_id) if record.original_id else None
    if original is not None and original.payload["flags"] & messages.LOADING:
        body = {k: v for k, v in ctx.json.items() if k != "flags"}
        state.store.edit(original, body, ctx.files, limit=record.limit)
        await state.echo("MESSAGE_UPDATE", original)
        stored = original
    else:
        stored = _response_message(state, record, ctx, ctx.json)
        record.followups.append(stored.id)
        await state.echo("MESSAGE_CREATE", stored)
    if ctx.query.get("wait") in ("true", "True", "1"):
        return Reply(json=stored.payload)
    return Reply(204)


_MESSAGE = "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"
_ORIGINAL = "/webhooks/{webhook_id}/{webhook_token}/messages/@original"


@route("GET", _MESSAGE, _ORIGINAL)
async def get_webhook_message(ctx: Ctx) -> Reply:
    """Answer the original response or a follow-up."""
    return Reply(json=_webhook_message(ctx, _record(ctx)).payload)


@route("PATCH", _MESSAGE, _ORIGINAL)
async def edit_webhook_message(ctx: Ctx) -> Reply:
    """Edit the original response or a follow-up (404 once deleted)."""
    record = _record(ctx)
    stored = _webhook_message(ctx, record)
    ctx.state.store.edit(stored, ctx.json, ctx.files, limit=record.limit)
    await ctx.state.echo("MESSAGE_UPDATE", stored)
    return Reply(json=stored.payload)


@route("DELETE", _MESSAGE, _ORIGINAL)
async def delete_webhook_message(ctx: Ctx) -> Reply:
    """Delete the original response or a follow-up."""
    stored = _webhook_message(ctx, _record(ctx))
    stored.deleted = True
    await ctx.state.echo_delete(stored)
    return Reply(204)
