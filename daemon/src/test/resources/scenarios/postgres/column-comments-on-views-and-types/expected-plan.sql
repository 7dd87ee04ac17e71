-- driftd reconciliation plan
-- target fingerprint: 876b2ac8e25b312d7a97d6d0fcc01ca185e6a5fa73b2a3e5899ba6e3443df5e7
-- golden fingerprint: 6df4328a3288815ad82395eee084ff18797ef5a9f2b0f36deac9bb84c06b856f
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON COLUMN tenant_0042.address.zip IS 'postal code';

-- comment differs
COMMENT ON COLUMN tenant_0042.customer_orders.email IS 'who bought';

-- comment differs
COMMENT ON COLUMN tenant_0042.customer_orders.qty IS NULL;

-- comment differs
COMMENT ON COLUMN tenant_0042.order_totals.n IS 'items ordered';

COMMIT;
