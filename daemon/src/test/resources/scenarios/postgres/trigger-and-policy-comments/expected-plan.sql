-- driftd reconciliation plan
-- target fingerprint: 38e81fd7c6b8d83b71b2227f39bf9150b0486dfd3ef42b9764263adb776fe4f5
-- golden fingerprint: 98bf159428e50620d41d9c93fac671c29efaff19f549e7ef4df88fe60eb7c099
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON TRIGGER orders_touch ON tenant_0042.orders IS 'fills';

-- comment differs
COMMENT ON POLICY p ON tenant_0042.orders IS 'all';

COMMIT;
