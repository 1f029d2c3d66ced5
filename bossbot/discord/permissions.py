"""What the bot may do in a channel, worked out from the gateway cache (no request made)."""

from __future__ import annotations

import hikari


def _overwritten(
    permissions: hikari.Permissions,
    overwrites: list[hikari.PermissionOverwrite],
) -> hikari.Permissions:
    """Apply overwrites of one level: every deny of the level, then every allow."""
    for overwrite in overwrites:
        permissions &= ~overwrite.deny
    for overwrite in overwrites:
        permissions |= overwrite.allow
    return permissions


def member_permissions(
    cache: hikari.api.Cache, guild_id: int, user_id: int, role_ids: list[int]
) -> hikari.Permissions:
    """A member's server-wide permissions from its roles (owner and Administrator: all).

    Unknown to the cache (guild not seen yet): none.
    """
    guild = cache.get_guild(guild_id)
    if guild is None:
        return hikari.Permissions.NONE
    if guild.owner_id == user_id:
        return hikari.Permissions.all_permissions()
    permissions = hikari.Permissions.NONE
    for role_id in {*role_ids, guild_id}:
        if (role := cache.get_role(role_id)) is not None:
            permissions |= role.permissions
    if permissions & hikari.Permissions.ADMINISTRATOR:
        return hikari.Permissions.all_permissions()
    return permissions


def bot_may(
    cache: hikari.api.Cache, guild_id: int, channel_id: int, me: int, wanted: hikari.Permissions
) -> bool:
    """True when the bot (user ``me``) holds every permission of ``wanted`` in the channel.

    Discord's order: the roles' permissions (``@everyone`` included), Administrator and
    ownership grant all, then the channel's overwrites for ``@everyone``, for the roles and
    for the member. Unknown to the cache (guild, member or roles not seen yet): False.
    """
    guild, member = cache.get_guild(guild_id), cache.get_member(guild_id, me)
    if guild is None or member is None:
        return False
    if guild.owner_id == me:
        return True
    role_ids = {int(role) for role in member.role_ids} | {guild_id}
    permissions = hikari.Permissions.NONE
    for role_id in role_ids:
        if (role := cache.get_role(role_id)) is not None:
            permissions |= role.permissions
    if permissions & hikari.Permissions.ADMINISTRATOR:
        return True
    channel = cache.get_guild_channel(channel_id)
    overwrites = channel.permission_overwrites if channel is not None else {}
    for level in ({guild_id}, role_ids - {guild_id}, {me}):
        permissions = _overwritten(permissions, [o for i, o in overwrites.items() if i in level])
    return permissions & wanted == wanted
