-- Sign-in sessions: the refresh-token family each sign-in starts (RFC 9700 §4.14.2) with the hash of its one valid
-- refresh token. Session state kept beside the log, never in it, since the log is exported to auditors.
CREATE TABLE sign_in_sessions (
    id text PRIMARY KEY,
    employee_id text NOT NULL,
    refresh_token_hash text NOT NULL,
    expires_at bigint NOT NULL,
    revoked_at bigint
);
CREATE INDEX sign_in_sessions_expiry ON sign_in_sessions (expires_at);
