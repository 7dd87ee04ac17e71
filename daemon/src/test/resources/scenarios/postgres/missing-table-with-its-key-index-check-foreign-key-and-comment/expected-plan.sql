-- driftd reconciliation plan
-- target fingerprint: a1c9dd2494ad06eb9ec4d6e6d9b249615c794c23c2e9cdb286cbd998a0bc3938
-- golden fingerprint: b775dc1ccf297efe58522ab2cb34866eec375ed0186cad74263ea224667928fb
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- missing table
CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    customer_id bigint,
    at timestamp with time zone DEFAULT now() NOT NULL,
    what text
);

-- missing primary key
ALTER TABLE public.audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

-- missing check constraint
ALTER TABLE public.audit_log ADD CONSTRAINT audit_log_what_check CHECK (what <> ''::text);

-- missing index
CREATE INDEX audit_log_at ON public.audit_log (at DESC);

-- missing foreign key
ALTER TABLE public.audit_log ADD CONSTRAINT audit_log_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id);

-- comment as in golden
COMMENT ON TABLE public.audit_log IS 'who did what';

-- comment as in golden
COMMENT ON COLUMN public.audit_log.what IS 'the action';

COMMIT;
