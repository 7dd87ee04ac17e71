\ir ../shop.sql
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON orders USING (customer_id > 0);
DROP POLICY own_orders ON orders; CREATE POLICY own_orders ON orders USING (customer_id > 1);
CREATE POLICY extra_one ON orders FOR DELETE USING (false);
