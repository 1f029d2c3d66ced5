"""The shared jobs database's history on PostgreSQL: migration ``n`` takes version ``n`` on.

Append only: a released migration is never edited, a change is a new migration.

The whole queue protocol is here: the job rows (as in SQLite, plus ``seq`` for first come
first served), partial indexes for what is queued, running and unfinished, counters per state
kept by triggers, and the notices (``pg_notify``) that wake workers and stop cancelled jobs.
"""

from __future__ import annotations

from bossbot.jobs.postgres.later import LATER

V1 = """
CREATE TABLE jobs (
    seq bigserial NOT NULL UNIQUE,
    id text PRIMARY KEY,
    origin text NOT NULL DEFAULT 'bot',
    url text NOT NULL,
    command text NOT NULL DEFAULT '',
    site text NOT NULL DEFAULT '',
    requester_id bigint NOT NULL DEFAULT 0,
    requester_name text NOT NULL DEFAULT '',
    requester_roles text NOT NULL DEFAULT '[]',
    role text NOT NULL DEFAULT '',
    priority integer NOT NULL DEFAULT 0,
    guild_id bigint,
    channel_id bigint,
    source_message_id bigint,
    interaction_id bigint,
    interaction_token text,
    token_expires_at double precision,
    status_message_id bigint,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'fetching', 'validating',
        'uploading', 'done', 'failed', 'cancelled')),
    attempt integer NOT NULL DEFAULT 1,
    max_attempts integer NOT NULL DEFAULT 3,
    progress text,
    error_kind text,
    error_text text,
    files text NOT NULL DEFAULT '[]',
    cap bigint NOT NULL DEFAULT 0,
    created_at double precision NOT NULL,
    updated_at double precision NOT NULL,
    started_at double precision,
    finished_at double precision,
    next_attempt_at double precision NOT NULL,
    lease_owner text,
    lease_expires_at double precision,
    upload_nonce text NOT NULL,
    upload_tries integer NOT NULL DEFAULT 0,
    batches_done integer NOT NULL DEFAULT 0
);
CREATE INDEX jobs_queue ON jobs (origin, priority DESC, created_at, seq) WHERE state = 'queued';
CREATE INDEX jobs_running ON jobs (origin, lease_expires_at)
    WHERE state IN ('fetching', 'validating', 'uploading');
CREATE INDEX jobs_active_origin ON jobs (origin) WHERE state NOT IN ('done', 'failed', 'cancelled');
CREATE INDEX jobs_active_requester ON jobs (requester_id, created_at, seq)
    WHERE state NOT IN ('done', 'failed', 'cancelled');
CREATE INDEX jobs_active_guild ON jobs (guild_id, created_at, seq)
    WHERE state NOT IN ('done', 'failed', 'cancelled');
CREATE INDEX jobs_requester ON jobs (requester_id, created_at, seq);
CREATE INDEX jobs_guild ON jobs (guild_id, created_at, seq);
CREATE INDEX jobs_created ON jobs (created_at DESC, seq DESC);
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE job_counts (state text PRIMARY KEY, jobs bigint NOT NULL DEFAULT 0);
INSERT INTO job_counts (state) VALUES ('cancelled'), ('done'), ('failed'), ('fetching'),
    ('queued'), ('uploading'), ('validating');

-- Counter rows are always locked in the order of their state names, so two transactions
-- can never wait for each other (no deadlock between claims, retries and prunes).
CREATE FUNCTION job_counts_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE job_counts SET jobs = jobs + 1 WHERE state = NEW.state;
    ELSIF OLD.state < NEW.state THEN
        UPDATE job_counts SET jobs = jobs - 1 WHERE state = OLD.state;
        UPDATE job_counts SET jobs = jobs + 1 WHERE state = NEW.state;
    ELSIF OLD.state > NEW.state THEN
        UPDATE job_counts SET jobs = jobs + 1 WHERE state = NEW.state;
        UPDATE job_counts SET jobs = jobs - 1 WHERE state = OLD.state;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER job_counts_insert AFTER INSERT ON jobs
    FOR EACH ROW EXECUTE FUNCTION job_counts_row();
CREATE TRIGGER job_counts_update AFTER UPDATE OF state ON jobs
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION job_counts_row();

CREATE FUNCTION job_counts_gone() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone record;
BEGIN
    FOR gone IN SELECT state, COUNT(*) AS jobs FROM deleted GROUP BY state ORDER BY state LOOP
        UPDATE job_counts SET jobs = jobs - gone.jobs WHERE state = gone.state;
    END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER job_counts_delete AFTER DELETE ON jobs
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION job_counts_gone();

-- Notices, sent when the transaction commits: a job to run (workers wake up and claim),
-- a started job cancelled (the worker running it stops it at once).
CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = 'queued' AND (TG_OP = 'INSERT' OR OLD.state <> 'queued') THEN
        PERFORM pg_notify('bossbot_queued', NEW.origin);
    ELSIF TG_OP = 'UPDATE' AND NEW.state = 'cancelled' AND OLD.state <> 'queued' THEN
        PERFORM pg_notify('bossbot_cancelled', NEW.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER jobs_notify_insert AFTER INSERT ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobs_notify();
CREATE TRIGGER jobs_notify_update AFTER UPDATE OF state ON jobs
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION jobs_notify();
"""

MIGRATIONS: tuple[str, ...] = (V1, *LATER)
