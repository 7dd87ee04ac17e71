-- driftd reconciliation plan
-- target fingerprint: a83426a6c1c54571f36f87bc9a97a62747ab5e6180d8ee124e6902ddfcb4806e
-- golden fingerprint: c01c4ece9261ae21da0dc3a344b7493f116df721bcca4d05f43acd1ed9d76751
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- view re-created because it needs table data, which is dropped
-- hazards: recreates_dependents
DROP VIEW public.q;

-- extra primary key
-- hazards: index_dropped
ALTER TABLE public.data DROP CONSTRAINT data_pkey;

-- extra index
-- hazards: index_dropped
DROP INDEX public.data_name;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE public.data;

-- missing table
CREATE TABLE public.t_data (
    id integer NOT NULL,
    name text
);

-- missing primary key
ALTER TABLE public.t_data ADD CONSTRAINT t_data_pkey PRIMARY KEY (id);

-- missing view
CREATE VIEW public.data AS
SELECT t_data.id,
    t_data.name
   FROM t_data;

-- view re-created because it needs table data, which is dropped
CREATE VIEW public.q AS
SELECT data.id,
    data.name
   FROM data;

COMMIT;
