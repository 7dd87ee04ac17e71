-- driftd reconciliation plan
-- target fingerprint: dd6f4cd339ed6f7b5a8268031eedc7babfd57cc142a50a46592e614c9d576500
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: change column name
-- hazards: not_transactional
ALTER TABLE `customers`
  MODIFY COLUMN `name` varchar(80) NULL;
