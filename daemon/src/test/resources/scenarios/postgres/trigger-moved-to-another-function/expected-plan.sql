-- driftd reconciliation plan
-- target fingerprint: 080aacd769f1af2ac1c8e8b8ee49025b65c26a5a475eae60a5aec8bd7c059905
-- golden fingerprint: 94f1ed0de6090291327db7812751e4981e1a0ab6bb6403de1d1f38324adfcd78
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- trigger differs: dropped and created again
DROP TRIGGER orders_touch ON tenant_0042.orders;

-- trigger differs: created with golden's definition
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch2();

-- extra function
DROP FUNCTION tenant_0042.touch();

COMMIT;
