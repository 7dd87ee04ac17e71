-- driftd reconciliation plan
-- target fingerprint: 0129fa9179aea031b52b00d71bb3ad92609ac8034a0d78b0fe9343cab6748473
-- golden fingerprint: 354c7225e91c23993ba89da34b521ba0d5d51f8ef0fc3dee32c29da4ec31fd5e
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing function
CREATE OR REPLACE FUNCTION stamp()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.kind := 'x'; RETURN NEW; END $function$;

-- missing table
CREATE TABLE tenant_0042.events_2027 PARTITION OF tenant_0042.events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');

-- row-level security enabled in golden
ALTER TABLE tenant_0042.settings ENABLE ROW LEVEL SECURITY;

-- missing trigger
CREATE TRIGGER events_stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stamp();

-- missing policy
CREATE POLICY mine ON tenant_0042.settings AS PERMISSIVE FOR ALL TO PUBLIC USING (key ~~ 'me%'::text);

COMMIT;
