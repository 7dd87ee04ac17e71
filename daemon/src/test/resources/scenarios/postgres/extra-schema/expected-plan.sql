-- driftd reconciliation plan
-- target fingerprint: f24878593ad6a661bc9c45dde81995710d667ba51b0c7b7832ad1e9f8984fce8
-- golden fingerprint: a1c9dd2494ad06eb9ec4d6e6d9b249615c794c23c2e9cdb286cbd998a0bc3938
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- extra enum type
DROP TYPE junk.x;

-- extra schema
DROP SCHEMA junk;

COMMIT;
