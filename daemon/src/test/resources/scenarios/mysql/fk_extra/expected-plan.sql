-- driftd reconciliation plan
-- target fingerprint: b970442e8de740d0494a5ac961bb17acef09285e7c858b62980b45b6db41e9a1
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: drop extra foreign key fk_items_tag
-- hazards: not_transactional
ALTER TABLE `order_items`
  DROP FOREIGN KEY `fk_items_tag`;

-- table order_items: drop extra index fk_items_tag
-- hazards: index_dropped, not_transactional
ALTER TABLE `order_items`
  DROP INDEX `fk_items_tag`;
