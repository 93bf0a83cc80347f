-- Case-folded copies of the texts lists search in, folded by .NET on write: SQLite's lower() folds ASCII only, and
-- Kazakh and Russian titles must match whatever case the searcher types on both providers.
ALTER TABLE documents ADD COLUMN title_folded text NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN correspondent_folded text NOT NULL DEFAULT '';
-- Registers list by registration time within an agency.
CREATE INDEX documents_agency_registered ON documents (agency_id, registered_at);
