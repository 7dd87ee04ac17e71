-- driftd reconciliation plan
-- target fingerprint: b4d0cf655485289e6dabf70b94aa5ae6d5a2a9b3d2e5798e6a564cd944d91584
-- golden fingerprint: aaf139066c440bcacbc23af92579b132e605e6889dfd3f2ff88b5de2010f1d82
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = public;
BEGIN;

-- extra view
DROP VIEW public.doc_lengths;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE public.tags;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE public.docs;

-- extra aggregate
DROP AGGREGATE public.total_len(text);

-- extra function
DROP FUNCTION public.add_len(acc integer, s text);

-- extra collation
DROP COLLATION public.bytes;

-- extra collation
DROP COLLATION public.nocase;

-- extra text search configuration
DROP TEXT SEARCH CONFIGURATION public.my_cfg;

-- extra text search dictionary
DROP TEXT SEARCH DICTIONARY public.my_simple;

-- extra text search dictionary
DROP TEXT SEARCH DICTIONARY public.my_stem;

COMMIT;
