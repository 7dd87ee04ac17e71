-- driftd reconciliation plan
-- target fingerprint: ff5981d97f3ea94669e713abadc7ff18d540a4ee919cc885b9095ed20c123b32
-- golden fingerprint: ee567db15f6331080c9c25b85ed4aa8d16eac38b9ad98c5d00872e53aeefa0d2
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- view re-created around the change of column crm.accounts.id
-- hazards: recreates_dependents
DROP VIEW billing.account_totals;

-- type differs (bigint -> integer)
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE crm.accounts ALTER COLUMN id TYPE integer USING id::integer;

-- missing foreign key (not validated yet)
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_account_id_fkey FOREIGN KEY (account_id) REFERENCES crm.accounts (id) NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE billing.invoices VALIDATE CONSTRAINT invoices_account_id_fkey;

-- view re-created around the change of column crm.accounts.id
CREATE VIEW billing.account_totals AS
SELECT a.name,
    sum(i.amount) AS total
   FROM crm.accounts a
     JOIN billing.invoices i ON i.account_id = a.id
  GROUP BY a.name;

COMMIT;
