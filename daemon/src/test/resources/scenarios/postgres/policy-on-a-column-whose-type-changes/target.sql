\ir ../shop.sql
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON settings USING (key <> 'secret');
DROP POLICY visible ON settings; ALTER TABLE settings ALTER COLUMN key TYPE varchar(64);
CREATE POLICY visible ON settings USING (key::text <> 'secret');
