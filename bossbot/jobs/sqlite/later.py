"""The SQLite schema's changes from version 4 on, oldest first (append new ones here)."""

from __future__ import annotations

CACHE = """
CREATE TABLE cache_entries (
    id TEXT PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    variant TEXT NOT NULL DEFAULT '',
    info TEXT NOT NULL DEFAULT '{}',
    files TEXT NOT NULL DEFAULT '[]',
    size INTEGER NOT NULL DEFAULT 0,
    posted_at REAL NOT NULL,
    used_at REAL NOT NULL
);
CREATE INDEX cache_entries_used ON cache_entries (used_at);
CREATE INDEX cache_entries_posted ON cache_entries (posted_at);
CREATE TABLE cache_keys (
    guild_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (guild_id, key)
) WITHOUT ROWID;
CREATE INDEX cache_keys_entry ON cache_keys (entry);
"""
"""The cache of repeat links: one entry per delivered post (where it is, what was asked,
the files kept and their size, when posted and last used), and the keys naming it per
server (canonical links, the tool's id of the post)."""


SETTINGS = """
CREATE TABLE guild_settings (
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_by INTEGER NOT NULL DEFAULT 0,
    updated_at REAL NOT NULL,
    PRIMARY KEY (guild_id, channel_id, name)
) WITHOUT ROWID;
"""
"""What servers changed for themselves with ``/settings`` (channel 0: the whole server)."""

UNTOLD = """
ALTER TABLE jobs ADD COLUMN untold INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_untold ON jobs (finished_at) WHERE untold = 1;
"""
"""Final jobs whose status message has yet to show their end (told again after a crash)."""

LATER: tuple[str, ...] = (CACHE, SETTINGS, UNTOLD)
"""Each a version: version ``n`` is ``LATER[n - 4]``."""
