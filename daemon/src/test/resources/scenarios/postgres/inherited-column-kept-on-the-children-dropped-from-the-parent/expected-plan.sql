-- driftd reconciliation plan
-- target fingerprint: 76d6c532dc438c3bf689357418a62b8702af4e23b13e1c980e420014329ec82d
-- golden fingerprint: d1f5417443b6e87ea932833956b8e62fad1620138eaed1a47c4c0af5bc20cfdf
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- extra column (kept, as golden has it, on the tables inheriting it)
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE ONLY public.base DROP COLUMN e;

COMMIT;
