\ir ../shop.sql
CREATE INDEX settings_value_gin ON settings USING gin (value); CREATE INDEX settings_key_hash ON settings USING hash (key);
