-- driftd reconciliation plan
-- target fingerprint: 2c978eed71ab3ed203fb31b0bc0781ad5e82ab4cf22c2c4977105566b2fc9599
-- golden fingerprint: a291421b3c47dacd28940fb232626251eb1bbbe56f3274ec202a8711a69335b6
SET SESSION lock_wait_timeout = 10;

-- table customers: re-create index ix_email_lc; re-create generated column email_lc
-- hazards: index_dropped, not_transactional, rewrites_table
ALTER TABLE `customers`
  DROP INDEX `ix_email_lc`,
  DROP COLUMN `email_lc`,
  ADD COLUMN `email_lc` varchar(120) GENERATED ALWAYS AS (lcase(`email`)) VIRTUAL;

-- table customers: re-create index ix_email_lc
-- hazards: index_build, not_transactional
ALTER TABLE `customers`
  ADD INDEX `ix_email_lc` (`email_lc`);
