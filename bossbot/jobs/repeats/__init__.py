"""The cache of repeat links.

Keys (what makes two requests the same), entries in the job store, files kept on disk.
"""

from bossbot.jobs.repeats.keys import request_keys, result_keys, variant
from bossbot.jobs.repeats.shelf import RepeatCache
from bossbot.jobs.repeats.store import CACHE_COLUMNS, CacheEntry, CacheStore

__all__ = [
    "CACHE_COLUMNS",
    "CacheEntry",
    "CacheStore",
    "RepeatCache",
    "request_keys",
    "result_keys",
    "variant",
]
