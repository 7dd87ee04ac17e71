-- driftd reconciliation plan
-- target fingerprint: 59fcc8edf88e1470b560b2dea7aaef712cf5f822bae18a5a60a6fd9c3ebc996f
-- golden fingerprint: a1c9dd2494ad06eb9ec4d6e6d9b249615c794c23c2e9cdb286cbd998a0bc3938
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- foreign key differs: dropped and created again
ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;

-- foreign key differs: created with golden's definition (not validated yet)
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id) ON DELETE CASCADE NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_id_fkey;

COMMIT;
