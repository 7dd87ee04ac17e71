-- driftd reconciliation plan
-- target fingerprint: 5047873f6ea875b7d4b1de58bfb7477e6fb372dbd1deb71face2cf5ad63d0f02
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing trigger
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();

COMMIT;
