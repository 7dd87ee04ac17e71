-- driftd reconciliation plan
-- target fingerprint: 888640e41c4169b7f846e6ab1f471f21bd8510607df58c2b9dbe17f09e1f0511
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- trigger differs: dropped and created again
DROP TRIGGER orders_touch ON tenant_0042.orders;

-- trigger differs: created with golden's definition
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();

COMMIT;
