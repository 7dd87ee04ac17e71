CREATE SCHEMA billing; CREATE SCHEMA crm;
CREATE TABLE crm.accounts (id int PRIMARY KEY, name text);
CREATE TABLE billing.invoices (id int PRIMARY KEY, account_id int REFERENCES crm.accounts (id), amount numeric);
CREATE VIEW billing.account_totals AS SELECT a.name, sum(i.amount) AS total
  FROM crm.accounts a JOIN billing.invoices i ON i.account_id = a.id GROUP BY a.name;
