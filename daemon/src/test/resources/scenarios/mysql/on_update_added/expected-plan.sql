-- driftd reconciliation plan
-- target fingerprint: db8fd77a2df3bff3aaa40f441a1d8208d1770e596a8212217d28a6b3aea6bbb3
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change column created_at
-- hazards: not_transactional
ALTER TABLE `customers`
  MODIFY COLUMN `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP;
