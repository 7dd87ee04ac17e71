-- driftd reconciliation plan
-- target fingerprint: ce563624be196eb68d545f880001a7c0387a2002b8ec7461f831ae4d939fd3c9
-- golden fingerprint: 479571355d8073850784c5425e5bf19e781a3040f02171aafbba76bbae215fec
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing sequence
CREATE SEQUENCE tenant_0042.invoice_no AS bigint INCREMENT BY 2 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 7 CACHE 1 NO CYCLE;

-- extra sequence
DROP SEQUENCE tenant_0042.junk_seq;

COMMIT;
