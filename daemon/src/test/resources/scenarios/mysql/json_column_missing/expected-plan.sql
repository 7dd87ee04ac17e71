-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 05c1e9e93ffac323791d25d046ca099ce43db8bcb0811ae996c4519186dc66c1
SET SESSION lock_wait_timeout = 10;

-- table settings: add column meta
-- hazards: not_transactional
ALTER TABLE `settings`
  ADD COLUMN `meta` json NULL,
  ALGORITHM=INSTANT;
