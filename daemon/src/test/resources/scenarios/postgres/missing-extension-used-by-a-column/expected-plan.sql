-- driftd reconciliation plan
-- target fingerprint: a1c9dd2494ad06eb9ec4d6e6d9b249615c794c23c2e9cdb286cbd998a0bc3938
-- golden fingerprint: e0aebef94d01d6c74bc39b0b54092f89a0d5c5883372a352bd089ef850c8f7a6
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- missing extension
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';

-- missing column
-- hazards: access_exclusive_lock
ALTER TABLE public.customers ADD COLUMN handle public.citext;

-- comment as in golden
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

COMMIT;
