\ir ../shop.sql
CREATE UNIQUE INDEX settings_partial ON settings (key) WHERE value IS NOT NULL;
