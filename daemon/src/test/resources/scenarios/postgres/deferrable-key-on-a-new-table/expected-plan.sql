-- driftd reconciliation plan
-- target fingerprint: aaf139066c440bcacbc23af92579b132e605e6889dfd3f2ff88b5de2010f1d82
-- golden fingerprint: f66544199bdedf7b36b5917e5d0f500382a039317df5a485d6d940196f4bfc62
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- missing table
CREATE TABLE public.c (
    cc integer NOT NULL,
    other integer
);

-- missing primary key
ALTER TABLE public.c ADD CONSTRAINT c_pkey PRIMARY KEY (cc) DEFERRABLE INITIALLY DEFERRED;

-- missing index
CREATE INDEX c_other ON public.c (other);

COMMIT;
