-- Workflow and signing keys. A route's full state is kept as JSON beside the columns lists filter on, with its
-- timed history (the log's actors and times, which the domain state does not carry). Tasks get their own rows:
-- the inbox is read by assignee, status and due date at millions of rows, never by loading routes.
CREATE TABLE route_templates (
    id text PRIMARY KEY,
    agency_id text NOT NULL,
    name text NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);
CREATE INDEX route_templates_agency ON route_templates (agency_id, name, id);

CREATE TABLE routes (
    id text PRIMARY KEY,
    document_id text NOT NULL,
    agency_id text NOT NULL,
    status text NOT NULL,
    document_title text NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL,
    history text NOT NULL
);
CREATE INDEX routes_document ON routes (document_id);

-- due_date is YYYY-MM-DD (Almaty), or 9999-12-31 for none, so text order is date order and "earliest due first"
-- needs no NULL ordering, which differs between the providers.
CREATE TABLE tasks (
    id text PRIMARY KEY,
    route_id text NOT NULL,
    document_id text NOT NULL,
    agency_id text NOT NULL,
    assignee_id text NOT NULL,
    status text NOT NULL,
    due_date text NOT NULL,
    escalated_for text,
    escalated_to text,
    document_title text NOT NULL,
    main {{BOOL}} NOT NULL,
    assigned_at bigint NOT NULL,
    changed_seq bigint NOT NULL,
    last_change text NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);
CREATE INDEX tasks_inbox ON tasks (assignee_id, status, due_date, id);
CREATE INDEX tasks_changes ON tasks (assignee_id, changed_seq);
CREATE INDEX tasks_open_due ON tasks (status, due_date);
-- An escalation lands in the supervisor's stream of changes (WatchTasks) beside their own tasks.
CREATE INDEX tasks_escalations ON tasks (escalated_to, changed_seq);

CREATE TABLE agency_cas (
    agency_id text PRIMARY KEY,
    certificate text NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE signing_keys (
    serial text PRIMARY KEY,
    agency_id text NOT NULL,
    employee_id text NOT NULL,
    enrolled_at bigint NOT NULL,
    revoked {{BOOL}} NOT NULL,
    version bigint NOT NULL,
    state text NOT NULL
);
CREATE INDEX signing_keys_employee ON signing_keys (employee_id, enrolled_at);
CREATE INDEX signing_keys_revoked ON signing_keys (agency_id, revoked);
