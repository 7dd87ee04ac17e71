-- driftd reconciliation plan
-- target fingerprint: c01c4ece9261ae21da0dc3a344b7493f116df721bcca4d05f43acd1ed9d76751
-- golden fingerprint: a83426a6c1c54571f36f87bc9a97a62747ab5e6180d8ee124e6902ddfcb4806e
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- view re-created because it needs view data, which is dropped
-- hazards: recreates_dependents
DROP VIEW public.q;

-- extra view
DROP VIEW public.data;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE public.t_data;

-- missing table
CREATE TABLE public.data (
    id integer NOT NULL,
    name text
);

-- missing primary key
ALTER TABLE public.data ADD CONSTRAINT data_pkey PRIMARY KEY (id);

-- missing index
CREATE INDEX data_name ON public.data (name);

-- view re-created because it needs view data, which is dropped
CREATE VIEW public.q AS
SELECT data.id,
    data.name
   FROM data;

COMMIT;
