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

V3 = """
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
"""As SQLite's V4: what servers changed for themselves with ``/settings``."""

LATER: tuple[str, ...] = (V2, V3)
"""Each a version: version ``n`` is ``LATER[n - 2]``."""
