-- driftd reconciliation plan
-- target fingerprint: f66544199bdedf7b36b5917e5d0f500382a039317df5a485d6d940196f4bfc62
-- golden fingerprint: 4578d4f9ae7301a148b9c6b5c152fadeedc0bf74ebbcc75fece79492de596436
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- primary key differs: dropped and created again
-- hazards: index_dropped
ALTER TABLE public.c DROP CONSTRAINT c_pkey;

-- primary key differs: created with golden's definition
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE public.c ADD CONSTRAINT c_pkey PRIMARY KEY (cc) DEFERRABLE;

COMMIT;
