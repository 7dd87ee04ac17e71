-- driftd reconciliation plan
-- target fingerprint: a1c9dd2494ad06eb9ec4d6e6d9b249615c794c23c2e9cdb286cbd998a0bc3938
-- golden fingerprint: df48970e4faba2a9aebdc917188a825bf79dd76808539667e3ebd15515667d8c
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- missing table
CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL,
    kind text
) PARTITION BY RANGE (at);

-- missing table
CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- missing table
CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- missing table
CREATE TABLE public.events_other PARTITION OF public.events DEFAULT;

-- missing primary key
ALTER TABLE public.events ADD CONSTRAINT events_pkey PRIMARY KEY (id, at);

-- missing index
CREATE INDEX events_kind ON public.events (kind);

COMMIT;
