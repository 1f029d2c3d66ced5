"""The jobs database's history: migration ``n`` (0-based) takes version ``n`` to ``n + 1``.

Append only: a released migration is never edited, a change is a new migration (in
:mod:`bossbot.jobs.sqlite.later`, from version 4 on).
"""

from __future__ import annotations

from bossbot.jobs.sqlite.later import LATER

V1 = """
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL DEFAULT 'bot',
    url TEXT NOT NULL,
    command TEXT NOT NULL DEFAULT '',
    site TEXT NOT NULL DEFAULT '',
    requester_id INTEGER NOT NULL DEFAULT 0,
    requester_name TEXT NOT NULL DEFAULT '',
    requester_roles TEXT NOT NULL DEFAULT '[]',
    role TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 0,
    guild_id INTEGER,
    channel_id INTEGER,
    source_message_id INTEGER,
    interaction_id INTEGER,
    interaction_token TEXT,
    token_expires_at REAL,
    status_message_id INTEGER,
    state TEXT NOT NULL DEFAULT 'queued',
    attempt INTEGER NOT NULL DEFAULT 1,
    max_attempts INTEGER NOT NULL DEFAULT 3,
    progress TEXT,
    error_kind TEXT,
    error_text TEXT,
    files TEXT NOT NULL DEFAULT '[]',
    cap INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    next_attempt_at REAL NOT NULL,
    lease_owner TEXT,
    lease_expires_at REAL,
    upload_nonce TEXT NOT NULL
);
CREATE INDEX jobs_queue ON jobs (state, origin, priority DESC, created_at);
CREATE INDEX jobs_requester ON jobs (requester_id, state);
CREATE INDEX jobs_guild ON jobs (guild_id, state);
CREATE INDEX jobs_created ON jobs (created_at);
"""

V2 = """
ALTER TABLE jobs ADD COLUMN upload_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN batches_done INTEGER NOT NULL DEFAULT 0;
UPDATE jobs SET interaction_token = NULL WHERE state IN ('done', 'failed', 'cancelled');
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;
CREATE TABLE job_counts (state TEXT PRIMARY KEY, jobs INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO job_counts (state, jobs) SELECT state, COUNT(*) FROM jobs GROUP BY state;
CREATE TRIGGER job_counts_insert AFTER INSERT ON jobs BEGIN
    INSERT INTO job_counts (state, jobs) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET jobs = jobs + 1;
END;
CREATE TRIGGER job_counts_delete AFTER DELETE ON jobs BEGIN
    UPDATE job_counts SET jobs = jobs - 1 WHERE state = OLD.state;
END;
CREATE TRIGGER job_counts_update AFTER UPDATE OF state ON jobs
WHEN OLD.state IS NOT NEW.state BEGIN
    UPDATE job_counts SET jobs = jobs - 1 WHERE state = OLD.state;
    INSERT INTO job_counts (state, jobs) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET jobs = jobs + 1;
END;
"""
"""Delivery bookkeeping (``upload_tries``, ``batches_done``); no interaction tokens kept
for finished jobs; an index for pruning them; jobs per state kept by triggers."""

V3 = """
ALTER TABLE jobs ADD COLUMN spoiler INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN audio INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN quality INTEGER;
ALTER TABLE jobs ADD COLUMN fresh INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN info TEXT;
ALTER TABLE jobs ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
"""
"""What the member asked for (spoiler, audio only, a quality, a fresh download), what the
extractor said of the media (``info``) and what fitting did to each file (``notes``)."""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, *LATER)
