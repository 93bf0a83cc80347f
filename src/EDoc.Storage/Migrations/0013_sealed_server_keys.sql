-- The key-encryption key a server key's material is sealed with (its id), NULL while the material is still in clear:
-- a store from before encryption at rest is sealed row by row at the next start.
ALTER TABLE server_keys ADD COLUMN sealed_with text;
