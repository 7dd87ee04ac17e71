-- driftd reconciliation plan
-- target fingerprint: febb14ec7302b09bd9b6edc5246abacea3aedd12cdd3a01a7eb4d2cc9c6ad144
-- golden fingerprint: 187c05b00c0ebb7960d3887c343bd0572ac1780d4fdeb8f0f8bbeefd91754075
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- rule re-created around the change of column r1.v
DROP RULE r1_log ON public.r1;

-- view re-created because it needs view r1_v, which is dropped
-- hazards: recreates_dependents
DROP VIEW public.r1_vv;

-- view re-created around the change of column r1.v
-- hazards: recreates_dependents
DROP VIEW public.r1_v;

-- type differs (character varying(10) -> character varying(20))
-- hazards: access_exclusive_lock
ALTER TABLE public.r1 ALTER COLUMN v TYPE character varying(20) USING v::character varying(20);

-- type differs (character varying(10) -> character varying(20))
-- hazards: access_exclusive_lock
ALTER TABLE public.r1log ALTER COLUMN v TYPE character varying(20) USING v::character varying(20);

-- view re-created around the change of column r1.v
CREATE VIEW public.r1_v AS
SELECT r1.id,
    r1.v
   FROM r1;

-- view re-created because it needs view r1_v, which is dropped
CREATE VIEW public.r1_vv AS
SELECT r1_v.v
   FROM r1_v
  WHERE r1_v.id > 0;

-- rule as in golden
CREATE RULE r1_log AS
    ON INSERT TO r1 DO  INSERT INTO r1log (v, n)
  VALUES (new.v, new.id);

COMMIT;
