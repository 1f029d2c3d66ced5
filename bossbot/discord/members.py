"""Discord member facts: the (id, name) pairs of a member's roles."""

from __future__ import annotations

from collections.abc import Sequence

import hikari


def role_pairs(
    cache: hikari.api.Cache, guild_id: int | None, role_ids: Sequence[int]
) -> list[tuple[int, str]]:
    """Resolve role ids to (id, name) pairs with the guild cache; unknown names are empty."""
    pairs: list[tuple[int, str]] = []
    for role_id in role_ids:
        role = cache.get_role(role_id) if guild_id is not None else None
        pairs.append((int(role_id), role.name if role else ""))
    return pairs
