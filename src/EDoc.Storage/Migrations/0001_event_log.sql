-- The one totally ordered event log, and what makes commands idempotent.
CREATE TABLE log_head (
    id integer PRIMARY KEY,
    next_sequence bigint NOT NULL
);
INSERT INTO log_head (id, next_sequence) VALUES (1, 1);

CREATE TABLE events (
    sequence bigint PRIMARY KEY,
    stream_id text NOT NULL,
    stream_version bigint NOT NULL,
    agency_id text,
    event_type text NOT NULL,
    payload text NOT NULL,
    actor_id text NOT NULL,
    on_behalf_of text,
    request_id text,
    recorded_at bigint NOT NULL,
    leaf_hash {{BYTES}} NOT NULL,
    CONSTRAINT events__stream_version_unique UNIQUE (stream_id, stream_version)
);
CREATE INDEX events_agency ON events (agency_id, sequence);

CREATE TABLE streams (
    stream_id text PRIMARY KEY,
    version bigint NOT NULL
);

CREATE TABLE requests (
    request_id text PRIMARY KEY,
    method text NOT NULL,
    actor_id text NOT NULL,
    reply {{BYTES}} NOT NULL,
    recorded_at bigint NOT NULL
);

-- Hashes of passwords and API key secrets: written with their events, never part of the exported log.
CREATE TABLE secrets (
    kind text NOT NULL,
    subject_id text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (kind, subject_id)
);

-- Key material every server instance shares (token signing, page tokens), created once by whichever starts first.
CREATE TABLE server_keys (
    name text PRIMARY KEY,
    material {{BYTES}} NOT NULL
);
