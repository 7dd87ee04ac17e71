-- driftd reconciliation plan
-- target fingerprint: 0205cbeeb039d068271b50fb2ac161dd81370df261f4c25392f5c99c58fd8678
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- default differs
ALTER TABLE tenant_0042.customers ALTER COLUMN created_at SET DEFAULT now();

COMMIT;
