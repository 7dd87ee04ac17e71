-- driftd reconciliation plan
-- target fingerprint: 4eba5b5dc558df33bff435c89869c2a3b09a16e798fb6f5bdf8a17d1bde95c98
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: drop extra column legacy and its data
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `orders`
  DROP COLUMN `legacy`;
