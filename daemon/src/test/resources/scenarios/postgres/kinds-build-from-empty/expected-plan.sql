-- driftd reconciliation plan
-- target fingerprint: aaf139066c440bcacbc23af92579b132e605e6889dfd3f2ff88b5de2010f1d82
-- golden fingerprint: b4d0cf655485289e6dabf70b94aa5ae6d5a2a9b3d2e5798e6a564cd944d91584
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- missing collation
CREATE COLLATION public.bytes (provider = libc, lc_collate = 'C', lc_ctype = 'C');

-- missing collation
CREATE COLLATION public.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- missing text search dictionary
CREATE TEXT SEARCH DICTIONARY public.my_simple (TEMPLATE = simple);

-- missing text search dictionary
CREATE TEXT SEARCH DICTIONARY public.my_stem (TEMPLATE = snowball, language = 'english', stopwords = 'english');

-- missing text search configuration
CREATE TEXT SEARCH CONFIGURATION public.my_cfg (PARSER = default);

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION public.my_cfg ADD MAPPING FOR asciiword WITH my_stem, my_simple;

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION public.my_cfg ADD MAPPING FOR "int" WITH simple;

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION public.my_cfg ADD MAPPING FOR word WITH my_stem, my_simple;

-- missing function
CREATE OR REPLACE FUNCTION add_len(acc integer, s text)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT acc + length(s) $function$;

-- missing aggregate
CREATE AGGREGATE public.total_len (text) (SFUNC = add_len, STYPE = integer, INITCOND = '0', PARALLEL = SAFE);

-- missing table
CREATE TABLE public.docs (
    id integer NOT NULL,
    title text COLLATE nocase,
    code text COLLATE bytes,
    body text
);

-- missing table
CREATE TABLE public.tags (
    name text NOT NULL
);

-- statistics target as in golden
ALTER TABLE public.docs ALTER COLUMN body SET STATISTICS 400;

-- missing primary key
ALTER TABLE public.docs ADD CONSTRAINT docs_pkey PRIMARY KEY (id);

-- missing primary key
ALTER TABLE public.tags ADD CONSTRAINT tags_pkey PRIMARY KEY (name);

-- missing index
CREATE INDEX docs_fts ON public.docs USING gin ((to_tsvector('my_cfg'::regconfig, body)));

-- missing view
CREATE VIEW public.doc_lengths AS
SELECT total_len(docs.body) AS n
   FROM docs;

-- rule as in golden
CREATE RULE tags_insert_ignore AS
    ON INSERT TO tags
   WHERE (EXISTS ( SELECT 1
           FROM tags t
          WHERE t.name = new.name)) DO INSTEAD NOTHING;

-- comment as in golden
COMMENT ON RULE tags_insert_ignore ON public.tags IS 'upsert by rule';

COMMIT;
