-- driftd reconciliation plan
-- target fingerprint: 4f801aeb16c8e79603e6758d478400e391bc4b5c30a09af9f660e6a522ed8c19
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: re-create index ix_orders_status_total
-- hazards: index_build, index_dropped, not_transactional
ALTER TABLE `orders`
  DROP INDEX `ix_orders_status_total`,
  ADD INDEX `ix_orders_status_total` (`status`, `total` DESC),
  ALGORITHM=INPLACE,
  LOCK=NONE;
