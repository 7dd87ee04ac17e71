-- driftd reconciliation plan
-- target fingerprint: 873d7938b176644e80cd3e815974f5d43d011561b3ebfbf148baf400e4cd8dee
-- golden fingerprint: 72e2bcb4c28c9092a6b6c355f1d15b30c23deda179d413d869b767bbf8bc3e5e
SET SESSION lock_wait_timeout = 10;

-- table coupons: move foreign key fk_coupon_email out of the way (re-added below)
-- hazards: not_transactional, recreates_dependents
ALTER TABLE `coupons`
  DROP FOREIGN KEY `fk_coupon_email`;

-- table customers: drop extra index ix_email_only
-- hazards: index_dropped, not_transactional
ALTER TABLE `customers`
  DROP INDEX `ix_email_only`;

-- table customers: re-create index uq_customers_email
-- hazards: index_build, index_dropped, not_transactional, validates_rows
ALTER TABLE `customers`
  DROP INDEX `uq_customers_email`,
  ADD UNIQUE INDEX `uq_customers_email` (`email`),
  ALGORITHM=INPLACE,
  LOCK=NONE;

-- table coupons: add foreign key fk_coupon_email
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `coupons`
  ADD CONSTRAINT `fk_coupon_email` FOREIGN KEY (`customer_email`) REFERENCES `customers` (`email`);
