-- The large JSON columns are compressed with LZ4 instead of PostgreSQL's default pglz: a certificate's state and its
-- CertificateIssued event are a few kilobytes each, and pglz costs several times more CPU per row on the write path,
-- which runs in one backend under the log lock. Rows written before keep their compression; both are read alike.
ALTER TABLE events ALTER COLUMN payload SET COMPRESSION lz4;
ALTER TABLE certificates ALTER COLUMN state SET COMPRESSION lz4;
ALTER TABLE service_requests ALTER COLUMN state SET COMPRESSION lz4;
ALTER TABLE routes ALTER COLUMN state SET COMPRESSION lz4;
ALTER TABLE routes ALTER COLUMN history SET COMPRESSION lz4;
ALTER TABLE documents ALTER COLUMN state SET COMPRESSION lz4;
ALTER TABLE registry_records ALTER COLUMN state SET COMPRESSION lz4;
