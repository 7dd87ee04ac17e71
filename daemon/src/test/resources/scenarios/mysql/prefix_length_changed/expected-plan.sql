-- driftd reconciliation plan
-- target fingerprint: ff3c929ad606b8ac92bd1f26f35ae5521ed5804eb39af4e050e3f46396b4d453
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: re-create index ix_items_sku
-- hazards: index_build, index_dropped, not_transactional
ALTER TABLE `order_items`
  DROP INDEX `ix_items_sku`,
  ADD INDEX `ix_items_sku` (`sku`(10)),
  ALGORITHM=INPLACE,
  LOCK=NONE;
