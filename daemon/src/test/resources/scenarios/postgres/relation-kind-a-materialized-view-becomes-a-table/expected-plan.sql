-- driftd reconciliation plan
-- target fingerprint: fee73048c061f416e026cff1dbf95dbef99a5999e9fe733f1fe116c86d15354b
-- golden fingerprint: a83426a6c1c54571f36f87bc9a97a62747ab5e6180d8ee124e6902ddfcb4806e
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- extra materialized view (its stored rows are lost)
-- hazards: deletes_data
DROP MATERIALIZED VIEW public.data;

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

-- missing view
CREATE VIEW public.q AS
SELECT data.id,
    data.name
   FROM data;

COMMIT;
