-- driftd reconciliation plan
-- target fingerprint: 76c31c001d789578fa6a8b092d1410ab802c2f5f1847b841d154e2ad762d256c
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table tags: drop extra column hidden_note and its data
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `tags`
  DROP COLUMN `hidden_note`;
