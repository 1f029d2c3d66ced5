"""Discord member facts: the (id, name) pairs of a member's roles."""

from __future__ import annotations

from collections.abc import Sequence

import hikari

from bossbot.spec import Spec


def role_pairs(
    cache: hikari.api.Cache, guild_id: int | None, role_ids: Sequence[int]
) -> list[tuple[int, str]]:
    """Resolve role ids to (id, name) pairs with the guild cache; unknown names are empty."""
    pairs: list[tuple[int, str]] = []
    for role_id in role_ids:
        role = cache.get_role(role_id) if guild_id is not None else None
        pairs.append((int(role_id), role.name if role else ""))
    return pairs


def tier_limit(spec: Spec, cache: hikari.api.Cache, guild_id: int | None) -> int:
    """The guild's per-file upload limit by its boost tier, from the spec's tier table."""
    guild = cache.get_guild(guild_id) if guild_id is not None else None
    tier = int(guild.premium_tier) if guild else 0
    return spec.upload.tier_limits[str(min(max(tier, 0), 3))]  # type: ignore[index]
