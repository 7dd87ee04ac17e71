-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 1c877364181ce161e34385f91065f8f5c6d51b543f42e32a90dd11bc811eb051
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- sequence owner differs (was none)
ALTER SEQUENCE tenant_0042.order_no OWNED BY tenant_0042.orders.no;

COMMIT;
