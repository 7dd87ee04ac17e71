-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 17e4029e82402dd761cfaa0c6a57cc522e1fa59256c81c359a7f22b1c3af448d
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON FUNCTION tenant_0042.touch() IS 'fills the note';

COMMIT;
