-- driftd reconciliation plan
-- target fingerprint: 79163b7195fc361700f0c14f8552f66ce79f678896194970dd05b11a74565ed6
-- golden fingerprint: 6c5edd518a838eecb3b07d1dde5c73e3657d49c81285f2cac620423a89ec958e
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- view re-created because it needs view public.customer_orders, which is dropped
-- hazards: recreates_dependents
DROP VIEW public.big_orders;

-- view re-created around the change of column public.customers.email
-- hazards: recreates_dependents
DROP VIEW public.customer_orders;

-- index differs: dropped and created again
-- hazards: index_dropped
DROP INDEX public.customers_lower_email;

-- type differs (character varying(200) -> text)
-- hazards: access_exclusive_lock
ALTER TABLE public.customers ALTER COLUMN email TYPE text USING email::text;

-- index differs: created with golden's definition
-- hazards: index_build
CREATE INDEX customers_lower_email ON public.customers ((lower(email)));

-- view re-created around the change of column public.customers.email
CREATE VIEW public.customer_orders AS
SELECT c.id,
    c.email,
    o.qty
   FROM public.customers c
     JOIN public.orders o ON o.customer_id = c.id;

-- view re-created because it needs view public.customer_orders, which is dropped
CREATE VIEW public.big_orders AS
SELECT customer_orders.id,
    customer_orders.email
   FROM public.customer_orders
  WHERE customer_orders.qty::integer > 10;

COMMIT;
