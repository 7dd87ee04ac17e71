-- driftd reconciliation plan
-- target fingerprint: a83426a6c1c54571f36f87bc9a97a62747ab5e6180d8ee124e6902ddfcb4806e
-- golden fingerprint: fee73048c061f416e026cff1dbf95dbef99a5999e9fe733f1fe116c86d15354b
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- extra view
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
    name text,
    note text
);

-- missing primary key
ALTER TABLE public.t_data ADD CONSTRAINT t_data_pkey PRIMARY KEY (id);

-- missing materialized view
CREATE MATERIALIZED VIEW public.data AS
SELECT t_data.id,
    t_data.name
   FROM t_data;

-- missing index
-- hazards: index_build
CREATE UNIQUE INDEX data_id ON public.data (id);

COMMIT;
