-- driftd reconciliation plan
-- target fingerprint: 086fc82ff3ecbc3822bd4294d6ae29f0360cb867582c2355fe6a9172394a1c50
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: move column note
-- hazards: not_transactional, rewrites_table
ALTER TABLE `orders`
  MODIFY COLUMN `note` text NULL AFTER `total`;
