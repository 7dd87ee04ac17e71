-- driftd reconciliation plan
-- target fingerprint: 376ef7799cd4ac64581bffcbd304661a0b830ef2db0c0e21e58ee8a91aa79464
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: add index ft_orders_note
-- hazards: index_build, not_transactional
ALTER TABLE `orders`
  ADD FULLTEXT INDEX `ft_orders_note` (`note`);
