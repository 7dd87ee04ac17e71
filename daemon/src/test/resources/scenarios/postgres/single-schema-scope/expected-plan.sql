-- driftd reconciliation plan
-- target fingerprint: 64ee728938700dc23b82f2571a3886f61ce57e3f2e53717ba6130052dc1c1fac
-- golden fingerprint: 3b3e912afdb7267279321a9a57ecea96577704c78076ee3c4e39741fa8ca1452
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- extra column
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE public.customers DROP COLUMN extra;

-- missing index
-- hazards: index_build
CREATE INDEX orders_customer_idx ON public.orders (customer_id);

COMMIT;
