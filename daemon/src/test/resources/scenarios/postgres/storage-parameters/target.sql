\ir ../shop.sql
ALTER TABLE settings SET (autovacuum_enabled = false);
