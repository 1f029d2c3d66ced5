"""The PostgreSQL schema's changes after its first version, oldest first."""

from __future__ import annotations

V2 = """
ALTER TABLE jobs ADD COLUMN spoiler integer NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN audio integer NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN quality integer;
ALTER TABLE jobs ADD COLUMN fresh integer NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN info text;
ALTER TABLE jobs ADD COLUMN notes text NOT NULL DEFAULT '[]';
"""
"""As SQLite's V3: what the member asked for, what the extractor said, what fitting did."""

CACHE = """
CREATE TABLE cache_entries (
    id text PRIMARY KEY,
    guild_id bigint NOT NULL,
    channel_id bigint NOT NULL,
    message_id bigint NOT NULL,
    url text NOT NULL,
    variant text NOT NULL DEFAULT '',
    info text NOT NULL DEFAULT '{}',
    files text NOT NULL DEFAULT '[]',
    size bigint NOT NULL DEFAULT 0,
    posted_at double precision NOT NULL,
    used_at double precision NOT NULL
);
CREATE INDEX cache_entries_used ON cache_entries (used_at);
CREATE INDEX cache_entries_posted ON cache_entries (posted_at);
CREATE TABLE cache_keys (
    guild_id bigint NOT NULL,
    key text NOT NULL,
    entry text NOT NULL,
    PRIMARY KEY (guild_id, key)
);
CREATE INDEX cache_keys_entry ON cache_keys (entry);
"""
"""As SQLite's cache migration: the cache of repeat links, entries and the keys naming them."""


SETTINGS = """
CREATE TABLE guild_settings (
    guild_id bigint NOT NULL,
    channel_id bigint NOT NULL DEFAULT 0,
    name text NOT NULL,
    value text NOT NULL,
    updated_by bigint NOT NULL DEFAULT 0,
    updated_at double precision NOT NULL,
    PRIMARY KEY (guild_id, channel_id, name)
);
"""
"""As SQLite's settings migration: what servers changed for themselves with ``/settings``."""

UNTOLD = """
ALTER TABLE jobs ADD COLUMN untold integer NOT NULL DEFAULT 0;
CREATE INDEX jobs_untold ON jobs (finished_at) WHERE untold = 1;
"""
"""As SQLite's: final jobs whose status message has yet to show their end."""

LATER: tuple[str, ...] = (V2, CACHE, SETTINGS, UNTOLD)
"""Each a version: version ``n`` is ``LATER[n - 2]``."""
