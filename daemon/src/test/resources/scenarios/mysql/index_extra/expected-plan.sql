-- driftd reconciliation plan
-- target fingerprint: fa14ec45b776da591778d7ca4c75488b671720c11c57f6032aa6477452c2ade2
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: drop extra index ix_extra
-- hazards: index_dropped, not_transactional
ALTER TABLE `orders`
  DROP INDEX `ix_extra`;
