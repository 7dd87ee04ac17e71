-- driftd reconciliation plan
-- target fingerprint: a277b2b69c3fd7848aa97c19c5ba6de1efcd3e36b7a84db7203c8f2261263c1c
-- golden fingerprint: e74f0ff8f237dad8bdb03465afc684f36a96b16a349825af0df7ce7063ae1c6f
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- view re-created because it needs function public.price_of(o public.orders), which is dropped
-- hazards: recreates_dependents
DROP VIEW public.priced;

-- its arguments or result type differ, which CREATE OR REPLACE cannot change
-- hazards: recreates_dependents
DROP FUNCTION public.price_of(o public.orders);

-- re-created with golden's definition
CREATE OR REPLACE FUNCTION public.price_of(o public.orders)
 RETURNS numeric
 LANGUAGE sql
AS $function$ SELECT o.price $function$;

-- view re-created because it needs function public.price_of(o public.orders), which is dropped
CREATE VIEW public.priced AS
SELECT o.id,
    public.price_of(o.*) AS p
   FROM public.orders o;

COMMIT;
