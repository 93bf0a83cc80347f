-- Registries, certificate types, citizens' requests, certificates and ratings. As elsewhere, each row keeps its
-- aggregate's whole state as JSON beside the columns that lists, lookups and reports filter or group on.
CREATE TABLE registries (
    code text PRIMARY KEY,
    owner_agency_id text NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);

CREATE TABLE registry_records (
    registry_code text NOT NULL,
    iin text NOT NULL,
    record_version bigint NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL,
    PRIMARY KEY (registry_code, iin)
);
-- "Is this IIN known to any registry?" tells an unknown citizen from a missing record.
CREATE INDEX registry_records_iin ON registry_records (iin);

CREATE TABLE certificate_types (
    code text PRIMARY KEY,
    issuing_agency_id text NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);

CREATE TABLE service_requests (
    id text PRIMARY KEY,
    agency_id text NOT NULL,
    iin text NOT NULL,
    status text NOT NULL,
    document_id text,
    version bigint NOT NULL,
    state text NOT NULL
);
-- Manual requests are found again from the document routed for them.
CREATE INDEX service_requests_document ON service_requests (document_id);
CREATE INDEX service_requests_pending ON service_requests (status, id);

-- issued_day is the Almaty date YYYY-MM-DD, the day the channel report counts a certificate under.
CREATE TABLE certificates (
    number text PRIMARY KEY,
    agency_id text NOT NULL,
    iin text NOT NULL,
    type_code text NOT NULL,
    channel text NOT NULL,
    issued_at bigint NOT NULL,
    issued_day text NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);
CREATE INDEX certificates_holder ON certificates (iin, issued_at, number);
CREATE INDEX certificates_agency ON certificates (agency_id, issued_at, number);
CREATE INDEX certificates_day ON certificates (issued_day, agency_id, channel);

CREATE TABLE ratings (
    request_id text PRIMARY KEY,
    agency_id text NOT NULL,
    org_unit_id text,
    employee_id text,
    score integer NOT NULL,
    created_at bigint NOT NULL
);
CREATE INDEX ratings_agency ON ratings (agency_id);
