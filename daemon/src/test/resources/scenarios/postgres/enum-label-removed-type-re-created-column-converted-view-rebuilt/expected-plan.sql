-- driftd reconciliation plan
-- target fingerprint: 35bfcc32cff1cf48ea9c0cb38a9ddd8ad5850d275510bddc5024fa858bc77a41
-- golden fingerprint: a43268c1cf39957a23a854897360716a8a0db8b6575e43fef2a337097916564f
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- view re-created around the change of column public.customers.mood
-- hazards: recreates_dependents
DROP VIEW public.moods;

-- enum labels [sad, ok, happy] -> [sad, happy] cannot change in place: the old type is renamed, a new one built
-- hazards: recreates_dependents
ALTER TYPE public.mood RENAME TO mood__driftd_old;

-- enum type re-created with golden's labels
CREATE TYPE public.mood AS ENUM ('sad', 'happy');

-- default dropped for the type change, set again after it
ALTER TABLE public.customers ALTER COLUMN mood DROP DEFAULT;

-- its enum type is re-created; fails if a row holds a label golden lacks
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE public.customers ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;

-- default of the retyped column
ALTER TABLE public.customers ALTER COLUMN mood SET DEFAULT 'happy';

-- view re-created around the change of column public.customers.mood
CREATE VIEW public.moods AS
SELECT customers.id,
    customers.mood
   FROM public.customers;

-- the replaced enum type, no longer used
DROP TYPE public.mood__driftd_old;

COMMIT;
