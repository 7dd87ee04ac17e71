\ir ../shop.sql
ALTER TABLE orders ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON orders USING (true);
COMMENT ON TRIGGER orders_touch ON orders IS 'fills'; COMMENT ON POLICY p ON orders IS 'all';
