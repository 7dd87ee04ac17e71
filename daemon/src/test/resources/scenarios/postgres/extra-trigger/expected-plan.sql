-- driftd reconciliation plan
-- target fingerprint: a471793f3e7b825e55fc3a0e7843292ac91439457b935a383bd916e11a1c4828
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra trigger
DROP TRIGGER customers_touch ON tenant_0042.customers;

COMMIT;
