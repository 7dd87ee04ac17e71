-- driftd reconciliation plan
-- target fingerprint: 8d17b6effc0f330df0738cc09f0fe4276cf7fb0866b68ecddc8ce8ee10e85f7d
-- golden fingerprint: a1c9dd2494ad06eb9ec4d6e6d9b249615c794c23c2e9cdb286cbd998a0bc3938
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- extra extension
DROP EXTENSION hstore;

COMMIT;
