-- driftd reconciliation plan
-- target fingerprint: 540f1f1a5c63df868081a806b682250607b7ad3cddd11ba43b7cc9bd99779052
-- golden fingerprint: b4d0cf655485289e6dabf70b94aa5ae6d5a2a9b3d2e5798e6a564cd944d91584
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- extra rule
DROP RULE docs_no_delete ON public.docs;

-- text search dictionary options differ
ALTER TEXT SEARCH DICTIONARY public.my_stem (language = 'english', stopwords = 'english');

-- text search configuration mappings differ
ALTER TEXT SEARCH CONFIGURATION public.my_cfg DROP MAPPING FOR email;

-- text search configuration mappings differ
ALTER TEXT SEARCH CONFIGURATION public.my_cfg ADD MAPPING FOR "int" WITH simple;

-- text search configuration mappings differ
ALTER TEXT SEARCH CONFIGURATION public.my_cfg ALTER MAPPING FOR word WITH my_stem, my_simple;

-- aggregate definition differs (replaced in place)
CREATE OR REPLACE AGGREGATE public.total_len (text) (SFUNC = add_len, STYPE = integer, INITCOND = '0', PARALLEL = SAFE);

-- statistics target differs
ALTER TABLE public.docs ALTER COLUMN body SET STATISTICS 400;

-- statistics target back to the default
ALTER TABLE public.docs ALTER COLUMN title SET STATISTICS -1;

-- rule definition differs (replaced in place)
CREATE OR REPLACE RULE tags_insert_ignore AS
    ON INSERT TO tags
   WHERE (EXISTS ( SELECT 1
           FROM tags t
          WHERE t.name = new.name)) DO INSTEAD NOTHING;

-- comment differs
COMMENT ON COLLATION public.bytes IS NULL;

COMMIT;
