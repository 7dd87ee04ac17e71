-- driftd reconciliation plan
-- target fingerprint: 9bc1027f34acc63c518626124ba9801ecb065d368ab95ff6d653f60ee16d61ed
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change column updated_at
-- hazards: not_transactional
ALTER TABLE `customers`
  MODIFY COLUMN `updated_at` timestamp NULL ON UPDATE CURRENT_TIMESTAMP;
