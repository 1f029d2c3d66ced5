"""JSON objects shaped like Discord's: users, members, roles, channel, guild, application.

Messages, commands and interactions have their own modules; every object a REST
route or a gateway event returns is built here or there, never inline.
"""

from __future__ import annotations

import datetime
from typing import Any

from .world import EVERYONE_PERMISSIONS, MANAGE_MESSAGES, Role, World

JSON = dict[str, Any]

JOINED_AT = "2025-01-15T12:00:00.000000+00:00"
APPLICATION_FLAGS = (1 << 19) | (1 << 23)  # MESSAGE_CONTENT_LIMITED, APPLICATION_COMMAND_BADGE
_BOOSTS = {0: 0, 1: 2, 2: 7, 3: 14}


def iso(at: float | None = None) -> str:
    """Format a Unix time (now when omitted) the way Discord does."""
    moment = (
        datetime.datetime.now(datetime.UTC)
        if at is None
        else (datetime.datetime.fromtimestamp(at, datetime.UTC))
    )
    return moment.isoformat(timespec="microseconds")


def user(world: World, user_id: int, *, bot: bool = False, username: str | None = None) -> JSON:
    """Return (and remember) the public user object of ``user_id``.

    Args:
        world: The fake world; users are cached in ``world.users``.
        user_id: The user's id.
        bot: Whether the user is a bot account (only used on first sight).
        username: Name to give a user seen for the first time.

    Returns:
        A copy of the user object.
    """
    if user_id not in world.users:
        name = username or ("boss-bot" if user_id == world.bot_id else f"user{user_id % 100000}")
        payload: JSON = {
            "id": str(user_id),
            "username": name,
            "discriminator": "0",
            "global_name": None if bot or user_id == world.bot_id else name.title(),
            "avatar": None,
            "avatar_decoration_data": None,
            "banner": None,
            "accent_color": None,
            "public_flags": 0,
            "flags": 0,
            "primary_guild": None,
            "collectibles": None,
        }
        if bot or user_id == world.bot_id:
            payload["bot"] = True
        world.users[user_id] = payload
    return dict(world.users[user_id])


def my_user(world: World) -> JSON:
    """Return the bot's own user object (``GET /users/@me`` and READY)."""
    return {
        **user(world, world.bot_id, bot=True),
        "mfa_enabled": False,
        "locale": "en-US",
        "verified": True,
        "email": None,
        "premium_type": 0,
    }


def member(
    world: World,
    user_id: int,
    role_ids: list[int] | tuple[int, ...] = (),
    *,
    with_user: bool = True,
    with_permissions: bool = False,
) -> JSON:
    """Return a guild member object.

    Args:
        world: The fake world.
        user_id: The member's user id.
        role_ids: Roles the member holds (``@everyone`` is implied, not listed).
        with_user: Include the nested ``user`` (absent in MESSAGE_CREATE's member).
        with_permissions: Include ``permissions`` (interactions carry it).

    Returns:
        The member object.
    """
    payload: JSON = {
        "roles": [str(role_id) for role_id in role_ids],
        "joined_at": JOINED_AT,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "nick": None,
        "avatar": None,
        "banner": None,
        "flags": 0,
        "communication_disabled_until": None,
    }
    if with_user:
        payload["user"] = user(world, user_id)
    if with_permissions:
        payload["permissions"] = str(world.permissions(list(role_ids), user_id))
    return payload


def role(role_: Role) -> JSON:
    """Return the role object of ``role_``."""
    payload: JSON = {
        "id": str(role_.id),
        "name": role_.name,
        "description": None,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": role_.position,
        "permissions": str(role_.permissions),
        "managed": role_.bot_id is not None,
        "mentionable": False,
        "flags": 0,
    }
    if role_.bot_id is not None:
        payload["tags"] = {"bot_id": str(role_.bot_id)}
    return payload


def text_channel(world: World, *, with_guild_id: bool = True) -> JSON:
    """Return the guild's text channel object (GUILD_CREATE omits ``guild_id``)."""
    payload: JSON = {
        "id": str(world.channel_id),
        "type": 0,
        "name": world.channel_name,
        "position": 0,
        "permission_overwrites": [],
        "parent_id": None,
        "topic": None,
        "nsfw": False,
        "last_message_id": None,
        "last_pin_timestamp": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }
    if with_guild_id:
        payload["guild_id"] = str(world.guild_id)
    return payload


def interaction_channel(world: World) -> JSON:
    """Return the partial channel an interaction carries (with the bot's permissions)."""
    bot_permissions = world.permissions(world.bot_role_ids(), world.bot_id)
    return {**text_channel(world), "permissions": str(bot_permissions)}


def guild(world: World) -> JSON:
    """Return the guild object ``GET /guilds/{id}`` answers."""
    return {
        "id": str(world.guild_id),
        "name": world.guild_name,
        "icon": None,
        "description": None,
        "home_header": None,
        "splash": None,
        "discovery_splash": None,
        "features": [],
        "banner": None,
        "owner_id": str(world.owner_id),
        "application_id": None,
        "region": "deprecated",
        "afk_channel_id": None,
        "afk_timeout": 300,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "widget_enabled": False,
        "widget_channel_id": None,
        "verification_level": 1,
        "roles": [role(r) for r in world.roles],
        "default_message_notifications": 1,
        "mfa_level": 0,
        "explicit_content_filter": 2,
        "max_presences": None,
        "max_members": 500000,
        "max_stage_video_channel_users": 50,
        "max_video_channel_users": 25,
        "vanity_url_code": None,
        "premium_tier": world.premium_tier,
        "premium_subscription_count": _BOOSTS[world.premium_tier],
        "preferred_locale": "en-US",
        "rules_channel_id": None,
        "safety_alerts_channel_id": None,
        "public_updates_channel_id": None,
        "premium_progress_bar_enabled": False,
        "nsfw": False,
        "nsfw_level": 0,
        "emojis": [],
        "stickers": [],
        "incidents_data": None,
    }


def gateway_guild(world: World) -> JSON:
    """Return the GUILD_CREATE payload: the guild plus channel, bot member and lists."""
    bot_member = member(world, world.bot_id, world.bot_role_ids())
    return {
        **guild(world),
        "joined_at": JOINED_AT,
        "large": False,
        "unavailable": False,
        "member_count": 2,
        "voice_states": [],
        "members": [bot_member],
        "channels": [text_channel(world, with_guild_id=False)],
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def application(world: World) -> JSON:
    """Return the application object (``GET /oauth2/applications/@me``)."""
    permissions = str(EVERYONE_PERMISSIONS | MANAGE_MESSAGES)
    scopes = ["applications.commands", "bot"]
    return {
        "id": str(world.application_id),
        "name": "boss-bot",
        "icon": None,
        "description": "",
        "summary": "",
        "type": None,
        "hook": True,
        "bot_public": False,
        "bot_require_code_grant": False,
        "verify_key": "5f" * 32,
        "flags": APPLICATION_FLAGS,
        "flags_new": str(APPLICATION_FLAGS),
        "owner": user(world, world.owner_id),
        "team": None,
        "bot": user(world, world.bot_id, bot=True),
        "redirect_uris": [],
        "interactions_endpoint_url": None,
        "role_connections_verification_url": None,
        "explicit_content_filter": 0,
        "eligible_oauth2_scopes": scopes,
        "approximate_guild_count": 1,
        "approximate_user_install_count": 0,
        "approximate_user_authorization_count": 0,
        "install_params": {"scopes": scopes, "permissions": permissions},
        "integration_types_config": {
            "0": {"oauth2_install_params": {"scopes": scopes, "permissions": permissions}},
        },
    }


def gateway_bot(url: str, shards: int = 1) -> JSON:
    """Return the ``GET /gateway/bot`` answer pointing at ``url``."""
    return {
        "url": url,
        "shards": shards,
        "session_start_limit": {
            "total": 1000,
            "remaining": 999,
            "reset_after": 14_400_000,
            "max_concurrency": 1,
        },
    }


def error(code: int, message: str, errors: JSON | None = None) -> JSON:
    """Return a Discord error body (``errors`` for form validation failures)."""
    body: JSON = {"message": message, "code": code}
    if errors is not None:
        body["errors"] = errors
    return body
