-- driftd reconciliation plan
-- target fingerprint: e29bc9fef3626af678d97ef80f4f49d7c202608c2851d3f9609c86a9f8a5cc73
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change column email
-- hazards: not_transactional
ALTER TABLE `customers`
  MODIFY COLUMN `email` varchar(120) NOT NULL;
