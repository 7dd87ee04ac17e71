-- driftd reconciliation plan
-- target fingerprint: 8e79a1ae9a460408bb4943047f312210849cb9d3cdd76a6cb040ec8e7c5212c9
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table tags: change column id
-- hazards: not_transactional
ALTER TABLE `tags`
  MODIFY COLUMN `id` int NOT NULL AUTO_INCREMENT;
