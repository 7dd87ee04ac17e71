-- driftd reconciliation plan
-- target fingerprint: 4aebe1e44f84553a3774096b761b530cf5a0cde6c715527915849ecf6186d55a
-- golden fingerprint: f66544199bdedf7b36b5917e5d0f500382a039317df5a485d6d940196f4bfc62
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- primary key differs: dropped and created again
-- hazards: index_dropped
ALTER TABLE public.c DROP CONSTRAINT c_pkey;

-- primary key differs: created with golden's definition
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE public.c ADD CONSTRAINT c_pkey PRIMARY KEY (cc) DEFERRABLE INITIALLY DEFERRED;

COMMIT;
