-- driftd reconciliation plan
-- target fingerprint: 646b45f38de791216bf42454b29eb1a617a1b9282d3b9a0a8ca38a6661ad77a6
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: change column qty
-- hazards: not_transactional
ALTER TABLE `order_items`
  MODIFY COLUMN `qty` int NOT NULL DEFAULT 1;
