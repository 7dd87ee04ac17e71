-- driftd reconciliation plan
-- target fingerprint: 5fff63f8ce06061ed414ded32717620353b94c3f99104c64a7d5e6a0709c7c5d
-- golden fingerprint: d4bd3790f98ca4fa95199a2cb343188cb01e89c2c1bea2b790199792d4373145
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- inheritance differs
ALTER TABLE tenant_0042.order_notes NO INHERIT tenant_0042.notes;

COMMIT;
