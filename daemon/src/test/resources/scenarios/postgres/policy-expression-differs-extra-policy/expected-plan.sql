-- driftd reconciliation plan
-- target fingerprint: 7a26982e3de1918c0d938488d246f8ae57ca5952f1f04cbc74a748c0b9a4e34c
-- golden fingerprint: efaac5c43de92c637580318e3b9e57cec7ced52835bf5bb1aa7a6a30aefb7fb3
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra policy
DROP POLICY extra_one ON tenant_0042.orders;

-- policy differs: dropped and created again
DROP POLICY own_orders ON tenant_0042.orders;

-- policy differs: created with golden's definition
CREATE POLICY own_orders ON tenant_0042.orders AS PERMISSIVE FOR ALL TO PUBLIC USING (customer_id > 0);

COMMIT;
