-- driftd reconciliation plan
-- target fingerprint: b063ae642e24c85db6b1a57b3a6e044220e4e6868e06b257c92fe86a6e4f6465
-- golden fingerprint: 8c5f7ed7b5d94459d66be549a6626ea52b328e10b66597d8aa19798ed5b111f5
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- trigger differs: dropped and created again
DROP TRIGGER orders_touch ON tenant_0042.orders;

-- type differs (character varying(500) -> text)
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.orders ALTER COLUMN note TYPE text USING note::text;

-- trigger differs: created with golden's definition
CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW WHEN (new.note IS NULL) EXECUTE FUNCTION touch();

COMMIT;
