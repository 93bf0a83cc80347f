-- Documents and registration journals. A document's full state is kept as JSON beside the columns that lists
-- filter and sort on; content bytes are stored once per SHA-256, whatever documents refer to them.
CREATE TABLE documents (
    id text PRIMARY KEY,
    agency_id text NOT NULL,
    kind text NOT NULL,
    status text NOT NULL,
    title text NOT NULL,
    correspondent text NOT NULL,
    registration_number text,
    registered_at bigint,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);
CREATE INDEX documents_agency_created ON documents (agency_id, created_at, id);

CREATE TABLE journals (
    id text PRIMARY KEY,
    agency_id text NOT NULL,
    idx text NOT NULL,
    name text NOT NULL,
    number_format text NOT NULL,
    kinds text NOT NULL,
    created_at bigint NOT NULL,
    version bigint NOT NULL
);
CREATE INDEX journals_agency ON journals (agency_id, idx);

CREATE TABLE contents (
    sha256 text PRIMARY KEY,
    size bigint NOT NULL,
    data {{BYTES}} NOT NULL
);
