-- driftd reconciliation plan
-- target fingerprint: 36895433e6006ca6644890857006b9c982eea939f79d081b246018de2b2617c6
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table tags: change column label
-- hazards: not_transactional
ALTER TABLE `tags`
  MODIFY COLUMN `label` varchar(30) NOT NULL;
