-- driftd reconciliation plan
-- target fingerprint: 61bcf3d4a9d75f12eebaa48c0b62cb991a74ade11d876bae47d655944c171b81
-- golden fingerprint: 5a548ec0019d9385996ea77e1dc0e7e1603c71b90b8ad3b65d43de060ece3050
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- missing schema
CREATE SCHEMA app;

-- missing collation
CREATE COLLATION app.bytes (provider = libc, lc_collate = 'C', lc_ctype = 'C');

-- missing collation
CREATE COLLATION app.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- missing text search dictionary
CREATE TEXT SEARCH DICTIONARY app.my_simple (TEMPLATE = simple);

-- missing text search dictionary
CREATE TEXT SEARCH DICTIONARY app.my_stem (TEMPLATE = snowball, language = 'english', stopwords = 'english');

-- missing text search configuration
CREATE TEXT SEARCH CONFIGURATION app.my_cfg (PARSER = default);

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION app.my_cfg ADD MAPPING FOR asciiword WITH app.my_stem, app.my_simple;

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION app.my_cfg ADD MAPPING FOR "int" WITH simple;

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION app.my_cfg ADD MAPPING FOR word WITH app.my_stem, app.my_simple;

-- missing function
CREATE OR REPLACE FUNCTION app.add_len(acc integer, s text)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT acc + length(s) $function$;

-- missing aggregate
CREATE AGGREGATE app.total_len (text) (SFUNC = app.add_len, STYPE = integer, INITCOND = '0', PARALLEL = SAFE);

-- missing table
CREATE TABLE app.docs (
    id integer NOT NULL,
    title text COLLATE app.nocase,
    code text COLLATE app.bytes,
    body text
);

-- missing table
CREATE TABLE app.tags (
    name text NOT NULL
);

-- statistics target as in golden
ALTER TABLE app.docs ALTER COLUMN body SET STATISTICS 400;

-- missing primary key
ALTER TABLE app.docs ADD CONSTRAINT docs_pkey PRIMARY KEY (id);

-- missing primary key
ALTER TABLE app.tags ADD CONSTRAINT tags_pkey PRIMARY KEY (name);

-- missing index
CREATE INDEX docs_fts ON app.docs USING gin ((to_tsvector('app.my_cfg'::regconfig, body)));

-- missing view
CREATE VIEW app.doc_lengths AS
SELECT app.total_len(docs.body) AS n
   FROM app.docs;

-- rule as in golden
CREATE RULE tags_insert_ignore AS
    ON INSERT TO app.tags
   WHERE (EXISTS ( SELECT 1
           FROM app.tags t
          WHERE t.name = new.name)) DO INSTEAD NOTHING;

-- comment as in golden
COMMENT ON RULE tags_insert_ignore ON app.tags IS 'upsert by rule';

COMMIT;
