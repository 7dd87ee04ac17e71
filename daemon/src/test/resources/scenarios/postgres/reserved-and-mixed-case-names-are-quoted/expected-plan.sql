-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 4e68c67ec6ccc29de6e8c35cbf1dcd2ba497f047ff38f4829b045839661ab525
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing table
CREATE TABLE tenant_0042."Order Lines" (
    "user" integer,
    "Select" text,
    "group" text NOT NULL
);

-- missing primary key
ALTER TABLE tenant_0042."Order Lines" ADD CONSTRAINT "Order Lines_pkey" PRIMARY KEY ("group");

-- missing index
CREATE INDEX "Order Lines_user" ON tenant_0042."Order Lines" ("user");

COMMIT;
