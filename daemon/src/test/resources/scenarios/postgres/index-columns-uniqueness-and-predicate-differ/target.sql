\ir ../shop.sql
CREATE INDEX settings_partial ON settings (key, value);
