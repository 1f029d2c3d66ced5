"""Worker processes: every download and file check runs outside the bot, confined.

Importing this package is cheap; the downloaders are imported only by the zygote that
forks the workers (:mod:`bossbot.workers.zygote`).
"""

from bossbot.workers.pool import Workers

__all__ = ["Workers"]
