-- driftd reconciliation plan
-- target fingerprint: 9f9095c4ac61b76252f1bc36377b008dc83ac756c024fc7234341dcf9d753b49
-- golden fingerprint: 712bccb00e4a9a74676a5d7cfa9989aa4a10b4ec23ffde028fb584726ba61f4a
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON COLUMN tenant_0042.orders.note IS NULL;

-- comment differs
COMMENT ON COLUMN tenant_0042.orders.qty IS 'how many';

COMMIT;
