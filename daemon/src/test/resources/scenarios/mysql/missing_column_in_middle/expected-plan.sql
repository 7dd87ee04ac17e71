-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 3d27ea33e520d1b9a0a5061e4a59b0c0a616dd35d61462ffc4001da7937b5bb7
SET SESSION lock_wait_timeout = 10;

-- table customers: add column phone
-- hazards: not_transactional, rewrites_table
ALTER TABLE `customers`
  ADD COLUMN `phone` varchar(20) NULL AFTER `email`;
