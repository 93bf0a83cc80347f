-- Read models of the directory and of sign-in, updated in the same transaction as the log.
CREATE TABLE agencies (
    id text PRIMARY KEY,
    name_kk text NOT NULL,
    name_ru text NOT NULL,
    name_en text NOT NULL,
    bin text NOT NULL,
    created_at bigint NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT agencies__bin_unique UNIQUE (bin)
);

CREATE TABLE org_units (
    id text PRIMARY KEY,
    agency_id text NOT NULL,
    name_kk text NOT NULL,
    name_ru text NOT NULL,
    name_en text NOT NULL,
    parent_unit_id text,
    created_at bigint NOT NULL
);
CREATE INDEX org_units_agency ON org_units (agency_id, id);

CREATE TABLE employees (
    id text PRIMARY KEY,
    agency_id text NOT NULL,
    org_unit_id text,
    iin text NOT NULL,
    full_name text NOT NULL,
    position text NOT NULL,
    username text NOT NULL,
    roles text NOT NULL,
    supervisor_id text,
    active {{BOOL}} NOT NULL,
    substitute_id text,
    substitute_until bigint,
    created_at bigint NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT employees__username_unique UNIQUE (username)
);
CREATE INDEX employees_agency ON employees (agency_id, id);
CREATE INDEX employees_unit ON employees (org_unit_id, id);

CREATE TABLE credentials (
    employee_id text PRIMARY KEY,
    consecutive_failures integer NOT NULL,
    locked_until bigint,
    password_version bigint NOT NULL
);

CREATE TABLE api_keys (
    id text PRIMARY KEY,
    agency_id text NOT NULL,
    display_name text NOT NULL,
    roles text NOT NULL,
    created_by text NOT NULL,
    created_at bigint NOT NULL,
    revoked_at bigint
);
CREATE INDEX api_keys_agency ON api_keys (agency_id, id);
