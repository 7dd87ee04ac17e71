-- driftd reconciliation plan
-- target fingerprint: 906bbf189c35b9a8a407e12a2032caa809941d0701b4fd91c5b6d441db4969de
-- golden fingerprint: aa38d915409e56c9d0d7d692b291d38a03e799f8763e7958801b6fbf4877de6f
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- collation definition differs: dropped and created again
DROP COLLATION public.spare;

-- text search dictionary template differs: dropped and created again
DROP TEXT SEARCH DICTIONARY public.spare_dict;

-- collation created again with golden's definition
CREATE COLLATION public.spare (provider = icu, locale = 'de-DE');

-- text search dictionary created again with golden's definition
CREATE TEXT SEARCH DICTIONARY public.spare_dict (TEMPLATE = simple, stopwords = 'english');

COMMIT;
