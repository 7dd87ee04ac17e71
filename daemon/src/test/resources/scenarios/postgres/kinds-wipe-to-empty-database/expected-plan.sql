-- driftd reconciliation plan
-- target fingerprint: 5a548ec0019d9385996ea77e1dc0e7e1603c71b90b8ad3b65d43de060ece3050
-- golden fingerprint: 61bcf3d4a9d75f12eebaa48c0b62cb991a74ade11d876bae47d655944c171b81
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- extra view
DROP VIEW app.doc_lengths;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE app.tags;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE app.docs;

-- extra aggregate
DROP AGGREGATE app.total_len(text);

-- extra function
DROP FUNCTION app.add_len(acc integer, s text);

-- extra collation
DROP COLLATION app.bytes;

-- extra collation
DROP COLLATION app.nocase;

-- extra text search configuration
DROP TEXT SEARCH CONFIGURATION app.my_cfg;

-- extra text search dictionary
DROP TEXT SEARCH DICTIONARY app.my_simple;

-- extra text search dictionary
DROP TEXT SEARCH DICTIONARY app.my_stem;

-- extra schema; it still holds tables until they are dropped
-- hazards: deletes_data
DROP SCHEMA app;

COMMIT;
