-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 738f0834fe5e9da2a1c40b5688b201064f9401d5a54029c6d0b2372982525863
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing table
CREATE TABLE tenant_0042.regions (
    code character(2) NOT NULL,
    name text NOT NULL
);

-- missing column
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.customers ADD COLUMN region character(2);

-- missing primary key
ALTER TABLE tenant_0042.regions ADD CONSTRAINT regions_pkey PRIMARY KEY (code);

-- missing foreign key (not validated yet)
ALTER TABLE tenant_0042.customers ADD CONSTRAINT customers_region_fkey FOREIGN KEY (region) REFERENCES tenant_0042.regions (code) NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE tenant_0042.customers VALIDATE CONSTRAINT customers_region_fkey;

COMMIT;
