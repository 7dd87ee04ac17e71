-- driftd reconciliation plan
-- target fingerprint: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
-- golden fingerprint: 6fbde2f243ac59e8ee0e483d2bc1fc8915ad7bc20aa1121b4fb07af40fe3cc89
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing collation
CREATE COLLATION tenant_0042.bytes (provider = libc, lc_collate = 'C', lc_ctype = 'C');

-- missing collation
CREATE COLLATION tenant_0042.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- missing text search dictionary
CREATE TEXT SEARCH DICTIONARY tenant_0042.my_simple (TEMPLATE = simple);

-- missing text search dictionary
CREATE TEXT SEARCH DICTIONARY tenant_0042.my_stem (TEMPLATE = snowball, language = 'english', stopwords = 'english');

-- missing text search configuration
CREATE TEXT SEARCH CONFIGURATION tenant_0042.my_cfg (PARSER = default);

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION tenant_0042.my_cfg ADD MAPPING FOR asciiword WITH my_stem, my_simple;

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION tenant_0042.my_cfg ADD MAPPING FOR "int" WITH simple;

-- missing text search configuration
ALTER TEXT SEARCH CONFIGURATION tenant_0042.my_cfg ADD MAPPING FOR word WITH my_stem, my_simple;

-- missing function
CREATE OR REPLACE FUNCTION add_len(acc integer, s text)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT acc + length(s) $function$;

-- missing aggregate
CREATE AGGREGATE tenant_0042.total_len (text) (SFUNC = add_len, STYPE = integer, INITCOND = '0', PARALLEL = SAFE);

-- missing table
CREATE TABLE tenant_0042.docs (
    id integer NOT NULL,
    title text COLLATE nocase,
    code text COLLATE bytes,
    body text
);

-- missing table
CREATE TABLE tenant_0042.tags (
    name text NOT NULL
);

-- statistics target as in golden
ALTER TABLE tenant_0042.docs ALTER COLUMN body SET STATISTICS 400;

-- missing primary key
ALTER TABLE tenant_0042.docs ADD CONSTRAINT docs_pkey PRIMARY KEY (id);

-- missing primary key
ALTER TABLE tenant_0042.tags ADD CONSTRAINT tags_pkey PRIMARY KEY (name);

-- missing index
CREATE INDEX docs_fts ON tenant_0042.docs USING gin ((to_tsvector('my_cfg'::regconfig, body)));

-- missing view
CREATE VIEW tenant_0042.doc_lengths AS
SELECT total_len(docs.body) AS n
   FROM docs;

-- rule as in golden
CREATE RULE tags_insert_ignore AS
    ON INSERT TO tags
   WHERE (EXISTS ( SELECT 1
           FROM tags t
          WHERE t.name = new.name)) DO INSTEAD NOTHING;

-- comment as in golden
COMMENT ON RULE tags_insert_ignore ON tenant_0042.tags IS 'upsert by rule';

COMMIT;
