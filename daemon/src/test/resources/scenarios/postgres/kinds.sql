CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION bytes FROM "C";
CREATE TEXT SEARCH DICTIONARY my_stem (TEMPLATE = snowball, language = 'english', stopwords = 'english');
CREATE TEXT SEARCH DICTIONARY my_simple (TEMPLATE = simple);
CREATE TEXT SEARCH CONFIGURATION my_cfg (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION my_cfg ADD MAPPING FOR asciiword, word WITH my_stem, my_simple;
ALTER TEXT SEARCH CONFIGURATION my_cfg ADD MAPPING FOR int WITH simple;
CREATE FUNCTION add_len(acc int, s text) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT acc + length(s) $$;
CREATE AGGREGATE total_len(text) (SFUNC = add_len, STYPE = int, INITCOND = '0', PARALLEL = SAFE);
CREATE TABLE docs (id int PRIMARY KEY, title text COLLATE nocase, code text COLLATE bytes, body text);
ALTER TABLE docs ALTER COLUMN body SET STATISTICS 400;
CREATE INDEX docs_fts ON docs USING gin (to_tsvector('my_cfg', body));
CREATE VIEW doc_lengths AS SELECT total_len(body) AS n FROM docs;
CREATE TABLE tags (name text PRIMARY KEY);
CREATE RULE tags_insert_ignore AS ON INSERT TO tags
  WHERE EXISTS (SELECT 1 FROM tags t WHERE t.name = NEW.name) DO INSTEAD NOTHING;
COMMENT ON RULE tags_insert_ignore ON tags IS 'upsert by rule';
