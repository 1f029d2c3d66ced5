"""What the bot may do in a channel, from the cache: roles, then the channel's overwrites."""

from __future__ import annotations

from types import SimpleNamespace

import hikari
import pytest

from bossbot.discord.permissions import bot_may

GUILD, CHANNEL, ME, ROLE, OWNER = 1, 2, 3, 4, 5
P = hikari.Permissions
MANAGE = P.MANAGE_MESSAGES


class Cache:
    """The four look-ups ``bot_may`` makes, over plain data."""

    def __init__(self, roles: dict[int, P], overwrites: dict[int, tuple[P, P]] | None = None,
                 owner: int = OWNER, member: bool = True) -> None:  # fmt: skip
        self.roles, self.owner, self.member = roles, owner, member
        self.overwrites = {
            i: SimpleNamespace(allow=allow, deny=deny)
            for i, (allow, deny) in (overwrites or {}).items()
        }

    def get_guild(self, guild: int) -> object:
        return SimpleNamespace(owner_id=self.owner) if guild == GUILD else None

    def get_member(self, guild: int, user: int) -> object:
        return SimpleNamespace(role_ids=[ROLE]) if self.member and user == ME else None

    def get_role(self, role: int) -> object:
        return SimpleNamespace(permissions=self.roles[role]) if role in self.roles else None

    def get_guild_channel(self, channel: int) -> object:
        return (
            SimpleNamespace(permission_overwrites=self.overwrites) if channel == CHANNEL else None
        )


CASES = {
    "granted by a role": (Cache({GUILD: P.NONE, ROLE: MANAGE}), True),
    "granted to everyone": (Cache({GUILD: MANAGE}), True),
    "not granted": (Cache({GUILD: P.SEND_MESSAGES, ROLE: P.NONE}), False),
    "administrator": (Cache({GUILD: P.NONE, ROLE: P.ADMINISTRATOR}), True),
    "owner": (Cache({GUILD: P.NONE}, owner=ME), True),
    "denied to everyone in the channel": (Cache({ROLE: P.NONE, GUILD: MANAGE},
                                                {GUILD: (P.NONE, MANAGE)}), False),
    "denied to everyone, allowed to the role": (Cache({GUILD: MANAGE}, {GUILD: (P.NONE, MANAGE),
                                                      ROLE: (MANAGE, P.NONE)}), True),
    "allowed to the role, denied to the member": (Cache({GUILD: P.NONE}, {ROLE: (MANAGE, P.NONE),
                                                        ME: (P.NONE, MANAGE)}), False),
    "the member unknown to the cache": (Cache({GUILD: MANAGE}, member=False), False),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_manage_messages_in_the_channel(case: str) -> None:
    cache, expected = CASES[case]
    assert bot_may(cache, GUILD, CHANNEL, ME, MANAGE) is expected  # type: ignore[arg-type]


def test_an_unknown_guild_is_no_permission() -> None:
    assert not bot_may(Cache({GUILD: MANAGE}), 99, CHANNEL, ME, MANAGE)  # type: ignore[arg-type]


def test_a_channel_unknown_to_the_cache_has_no_overwrites() -> None:
    assert bot_may(Cache({GUILD: MANAGE}), GUILD, 99, ME, MANAGE)  # type: ignore[arg-type]
