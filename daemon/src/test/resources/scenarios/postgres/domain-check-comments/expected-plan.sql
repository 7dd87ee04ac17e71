-- driftd reconciliation plan
-- target fingerprint: 55bb32a7f2f970b6d148de6b741c91b6d9e4e45d62e203044f3a3b1f4eb10c8a
-- golden fingerprint: c38873b631ae424e2c1441d9fcb6424e16b2f552f370503a4ecb3a5b1cb12a96
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing domain
CREATE DOMAIN tenant_0042.grade AS integer CONSTRAINT grade_range CHECK (VALUE >= 1 AND VALUE <= 6);

-- domain check differs
ALTER DOMAIN tenant_0042.posint DROP CONSTRAINT posint_small;

-- missing domain check
-- hazards: validates_rows
ALTER DOMAIN tenant_0042.posint ADD CONSTRAINT posint_small CHECK (VALUE < 1000000);

-- comment differs
COMMENT ON CONSTRAINT code_length ON DOMAIN tenant_0042.code IS NULL;

-- comment as in golden
COMMENT ON CONSTRAINT grade_range ON DOMAIN tenant_0042.grade IS 'German school grades';

-- comment differs
COMMENT ON CONSTRAINT posint_check ON DOMAIN tenant_0042.posint IS 'above zero';

-- comment differs
COMMENT ON CONSTRAINT posint_small ON DOMAIN tenant_0042.posint IS 'fits in a million';

COMMIT;
