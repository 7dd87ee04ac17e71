-- driftd reconciliation plan
-- target fingerprint: 93b466f1a8ccd996ffcc124b680a2eb15b1a9348366dd8c3d1a304644512749f
-- golden fingerprint: b3f904e49a8a930e28f37dc3e9c14ce794b68fa841c77bab5503dd210e36a0f5
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- extra column
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE public.base DROP COLUMN e;

COMMIT;
