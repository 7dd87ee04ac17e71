-- driftd reconciliation plan
-- target fingerprint: 5b0a1125be743575252417790b31b656f23b553a20d339ace0f56d608e3d4a8d
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table orders: change column status
-- hazards: not_transactional
ALTER TABLE `orders`
  MODIFY COLUMN `status` enum('new','paid','shipped') NOT NULL DEFAULT 'new';
