-- driftd reconciliation plan
-- target fingerprint: 2ffc16e1bd94706423a52a7d95fd9e31bf82ba48fe8195375bd7d3b6bb427346
-- golden fingerprint: a6b30b1e8825aa0f2f28797acdcc581444c7170d8ca0321ad23f00277b6e1e77
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing foreign key (not validated yet)
ALTER TABLE tenant_0042.refunds ADD CONSTRAINT refunds_order FOREIGN KEY (order_id) REFERENCES tenant_0042.orders (id) MATCH FULL ON UPDATE CASCADE DEFERRABLE NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE tenant_0042.refunds VALIDATE CONSTRAINT refunds_order;

COMMIT;
