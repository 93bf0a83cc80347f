-- Who asked for each certificate (the channel key, or the admin): a citizen channel lists only the certificates it
-- requested. Certificates issued before this column have none, so no channel lists them; their agency still does.
ALTER TABLE certificates ADD COLUMN requested_by text;
