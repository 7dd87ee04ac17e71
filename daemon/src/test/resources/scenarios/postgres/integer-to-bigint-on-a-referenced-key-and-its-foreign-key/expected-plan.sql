-- driftd reconciliation plan
-- target fingerprint: e2370d3eaf56a183c3853cb2f333c29211b6f1373dfad14b439f52d55685e83e
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- view re-created around the change of column customers.id
-- hazards: recreates_dependents
DROP VIEW tenant_0042.customer_orders;

-- foreign key re-created around the change of column orders.customer_id
ALTER TABLE tenant_0042.orders DROP CONSTRAINT orders_customer_id_fkey;

-- type differs (integer -> bigint)
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.customers ALTER COLUMN id TYPE bigint USING id::bigint;

-- type differs (integer -> bigint)
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.orders ALTER COLUMN customer_id TYPE bigint USING customer_id::bigint;

-- foreign key re-created around the change of column orders.customer_id (not validated yet)
ALTER TABLE tenant_0042.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES tenant_0042.customers (id) ON DELETE CASCADE NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE tenant_0042.orders VALIDATE CONSTRAINT orders_customer_id_fkey;

-- view re-created around the change of column customers.id
CREATE VIEW tenant_0042.customer_orders AS
SELECT c.id,
    c.email,
    o.qty
   FROM customers c
     JOIN orders o ON o.customer_id = c.id;

COMMIT;
