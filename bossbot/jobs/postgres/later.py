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

LATER: tuple[str, ...] = (V2,)
"""Each a version: version ``n`` is ``LATER[n - 2]``."""
