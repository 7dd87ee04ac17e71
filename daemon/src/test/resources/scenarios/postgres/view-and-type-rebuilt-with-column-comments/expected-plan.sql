-- driftd reconciliation plan
-- target fingerprint: 85f0e3100cf8616166ad917c2ec1585eb53a1e951e0b2312643aea3144bc82b4
-- golden fingerprint: 75676e10a931bddbfd91843eb7f027f9bbdca6cff115388d9cfbe0769256c1c5
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- view differs: dropped and created again
-- hazards: recreates_dependents
DROP VIEW tenant_0042.customer_orders;

-- composite type attributes differ
ALTER TYPE tenant_0042.address ADD ATTRIBUTE city text;

-- view differs: created with golden's definition
CREATE VIEW tenant_0042.customer_orders AS
SELECT c.id,
    c.email
   FROM customers c
     JOIN orders o ON o.customer_id = c.id;

-- comment as in golden
COMMENT ON COLUMN tenant_0042.customer_orders.email IS 'who bought';

-- comment differs
COMMENT ON COLUMN tenant_0042.address.city IS 'town';

COMMIT;
