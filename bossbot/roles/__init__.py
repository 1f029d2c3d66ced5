"""Process roles: the whole bot, a gateway for some shards, a worker (see ``role``)."""

from bossbot.roles.role import BOT, WORKER, Role, gateway, parse_shards, spans

__all__ = ["BOT", "WORKER", "Role", "gateway", "parse_shards", "spans"]
