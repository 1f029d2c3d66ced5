"""The fake guild, its roles, channel and users: who exists in the fake Discord."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from . import ids

# Permission bits (https://discord.com/developers/docs/topics/permissions).
ADMINISTRATOR: Final = 1 << 3
ADD_REACTIONS: Final = 1 << 6
VIEW_CHANNEL: Final = 1 << 10
SEND_MESSAGES: Final = 1 << 11
MANAGE_MESSAGES: Final = 1 << 13
EMBED_LINKS: Final = 1 << 14
ATTACH_FILES: Final = 1 << 15
READ_MESSAGE_HISTORY: Final = 1 << 16
USE_EXTERNAL_EMOJIS: Final = 1 << 18
CHANGE_NICKNAME: Final = 1 << 26
USE_APPLICATION_COMMANDS: Final = 1 << 31
ALL_PERMISSIONS: Final = (1 << 51) - 1

EVERYONE_PERMISSIONS: Final = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | ADD_REACTIONS
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
)

# Upload limit per boost tier, as DESIGN.md states it (bytes).
TIER_UPLOAD_LIMITS: Final = {0: 10 * 1024**2, 1: 10 * 1024**2, 2: 50 * 1024**2, 3: 100 * 1024**2}


@dataclass(frozen=True)
class Role:
    """A guild role.

    Attributes:
        name: Role name (``@everyone`` for the default role).
        id: Role id; the ``@everyone`` role has the guild's id.
        permissions: Permission bit set granted by the role.
        position: Sort position (``@everyone`` is 0).
        bot_id: Set for the managed role Discord gives a bot.
    """

    name: str
    id: int
    permissions: int = 0
    position: int = 1
    bot_id: int | None = None


def default_roles(guild_id: int = ids.GUILD_ID) -> tuple[Role, ...]:
    """Return @everyone, Moderator and Trusted roles, plus the bot's managed role."""
    return (
        Role("@everyone", guild_id, EVERYONE_PERMISSIONS, 0),
        Role("Moderator", ids.MODERATOR_ROLE_ID, MANAGE_MESSAGES | (1 << 40) | (1 << 1), 3),
        Role("Trusted", ids.TRUSTED_ROLE_ID, 0, 2),
        Role("boss-bot", ids.BOT_ID + 500, EVERYONE_PERMISSIONS | MANAGE_MESSAGES, 1, ids.BOT_ID),
    )


@dataclass
class World:
    """Everything static about the fake Discord: application, bot, guild, channel, users.

    Attributes:
        application_id: The application id (equal to the bot user id, as on Discord).
        guild_id: The one guild the bot is in.
        channel_id: The one text channel of the guild.
        guild_name: Name of the guild.
        channel_name: Name of the text channel.
        premium_tier: Boost tier 0..3 (sets the upload limit).
        roles: The guild's roles; the first one must be ``@everyone``.
        owner_id: The guild owner's user id.
        users: Known users by id (filled on first use).
    """

    application_id: int = ids.APPLICATION_ID
    guild_id: int = ids.GUILD_ID
    channel_id: int = ids.CHANNEL_ID
    guild_name: str = "Boss Test Guild"
    channel_name: str = "downloads"
    premium_tier: int = 0
    roles: tuple[Role, ...] = field(default_factory=default_roles)
    owner_id: int = ids.OWNER_ID
    users: dict[int, dict[str, object]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.premium_tier not in TIER_UPLOAD_LIMITS:
            raise ValueError(f"premium_tier must be 0..3, not {self.premium_tier}")
        if not self.roles or self.roles[0].id != self.guild_id:
            raise ValueError("the first role must be @everyone, with the guild's id")

    @property
    def bot_id(self) -> int:
        """The bot user's id (the application id)."""
        return self.application_id

    @property
    def upload_limit(self) -> int:
        """Bytes one attachment may have in this guild."""
        return TIER_UPLOAD_LIMITS[self.premium_tier]

    @property
    def role_ids(self) -> dict[str, int]:
        """Role ids by role name."""
        return {role.name: role.id for role in self.roles}

    def bot_role_ids(self) -> list[int]:
        """Ids of the roles the bot member holds (its managed role)."""
        return [role.id for role in self.roles if role.bot_id == self.bot_id]

    def permissions(self, role_ids: list[int] | tuple[int, ...], user_id: int = 0) -> int:
        """Compute guild-level permissions of a member holding ``role_ids``.

        Args:
            role_ids: The member's roles (``@everyone`` is implied).
            user_id: The member; the guild owner has every permission.

        Returns:
            The permission bit set.
        """
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        held = set(role_ids) | {self.guild_id}
        bits = 0
        for role in self.roles:
            if role.id in held:
                bits |= role.permissions
        return ALL_PERMISSIONS if bits & ADMINISTRATOR else bits

    def check_roles(self, role_ids: list[int] | tuple[int, ...]) -> None:
        """Raise ``ValueError`` for a role id the guild does not have."""
        unknown = set(role_ids) - {role.id for role in self.roles}
        if unknown:
            raise ValueError(f"unknown role ids {sorted(unknown)}; known: {self.role_ids}")
