-- driftd reconciliation plan
-- target fingerprint: a1c9dd2494ad06eb9ec4d6e6d9b249615c794c23c2e9cdb286cbd998a0bc3938
-- golden fingerprint: 16650a06ee8ae5b64696bed1f34aff862e8e51dbf74395e6098c46947d712f40
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = '';
BEGIN;

-- missing schema
CREATE SCHEMA billing;

-- missing schema
CREATE SCHEMA crm;

-- missing table
CREATE TABLE crm.accounts (
    id integer NOT NULL,
    name text
);

-- missing table
CREATE TABLE billing.invoices (
    id integer NOT NULL,
    account_id integer,
    amount numeric
);

-- missing primary key
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);

-- missing primary key
ALTER TABLE crm.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

-- missing foreign key
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_account_id_fkey FOREIGN KEY (account_id) REFERENCES crm.accounts (id);

-- missing view
CREATE VIEW billing.account_totals AS
SELECT a.name,
    sum(i.amount) AS total
   FROM crm.accounts a
     JOIN billing.invoices i ON i.account_id = a.id
  GROUP BY a.name;

-- comment as in golden
COMMENT ON SCHEMA crm IS 'customers';

COMMIT;
