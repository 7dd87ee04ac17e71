-- driftd reconciliation plan
-- target fingerprint: 213812c324ae6fb6a9e38c3a959d5117f437c4d5cef43072ce58659ef47fae3c
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table metrics: move column id; move column day
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics`
  MODIFY COLUMN `id` int NOT NULL FIRST,
  MODIFY COLUMN `day` date NOT NULL AFTER `id`;
