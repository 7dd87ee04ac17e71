-- driftd reconciliation plan
-- target fingerprint: 893418f79bdf1c28d957ef4bef5b6f18fc18578aa63f32ff718a85289329aa06
-- golden fingerprint: bcb538e27cb4c8cb974e79bda8919f60c12d9a1e500ca445ac98e63f6ffaf2cf
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- domain default differs
ALTER DOMAIN tenant_0042.posint SET DEFAULT 1;

-- domain nullability differs
ALTER DOMAIN tenant_0042.posint DROP NOT NULL;

-- missing domain check
-- hazards: validates_rows
ALTER DOMAIN tenant_0042.posint ADD CONSTRAINT posint_small CHECK (VALUE < 1000000);

COMMIT;
