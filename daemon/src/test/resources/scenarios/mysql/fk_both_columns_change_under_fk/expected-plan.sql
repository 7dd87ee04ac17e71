-- driftd reconciliation plan
-- target fingerprint: 9fcdafa8ec4b32ca0341ff62eaab157e8f939318a8c65f9eaf38f29ebf343b40
-- golden fingerprint: 72e2bcb4c28c9092a6b6c355f1d15b30c23deda179d413d869b767bbf8bc3e5e
SET SESSION lock_wait_timeout = 10;

-- table coupons: move foreign key fk_coupon_email out of the way (re-added below)
-- hazards: not_transactional, recreates_dependents
ALTER TABLE `coupons`
  DROP FOREIGN KEY `fk_coupon_email`;

-- table coupons: change column customer_email
-- hazards: not_transactional
ALTER TABLE `coupons`
  MODIFY COLUMN `customer_email` varchar(120) NOT NULL;

-- table customers: change column email
-- hazards: not_transactional
ALTER TABLE `customers`
  MODIFY COLUMN `email` varchar(120) NOT NULL;

-- table coupons: add foreign key fk_coupon_email
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `coupons`
  ADD CONSTRAINT `fk_coupon_email` FOREIGN KEY (`customer_email`) REFERENCES `customers` (`email`);
