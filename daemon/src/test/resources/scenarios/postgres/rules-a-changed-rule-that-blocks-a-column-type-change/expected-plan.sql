-- driftd reconciliation plan
-- target fingerprint: febb14ec7302b09bd9b6edc5246abacea3aedd12cdd3a01a7eb4d2cc9c6ad144
-- golden fingerprint: 5a44c288ddef815d4e21d437484caa3864262c2a6b2624163caa8b2b380669b4
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- rule differs: dropped and created again
DROP RULE r1_log ON public.r1;

-- view re-created because it needs view r1_v, which is dropped
-- hazards: recreates_dependents
DROP VIEW public.r1_vv;

-- view re-created around the change of column r1.v
-- hazards: recreates_dependents
DROP VIEW public.r1_v;

-- type differs (character varying(10) -> text)
-- hazards: access_exclusive_lock
ALTER TABLE public.r1 ALTER COLUMN v TYPE text USING v::text;

-- type differs (character varying(10) -> text)
-- hazards: access_exclusive_lock
ALTER TABLE public.r1log ALTER COLUMN v TYPE text USING v::text;

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

-- rule definition differs (replaced in place)
CREATE OR REPLACE RULE r1_log AS
    ON INSERT TO r1 DO  INSERT INTO r1log (v, n)
  VALUES (upper(new.v), new.id);

COMMIT;
