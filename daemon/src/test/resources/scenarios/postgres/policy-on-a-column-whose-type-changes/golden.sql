\ir ../shop.sql
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON settings USING (key <> 'secret');
