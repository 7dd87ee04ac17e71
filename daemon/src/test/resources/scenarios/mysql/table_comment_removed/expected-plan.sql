-- driftd reconciliation plan
-- target fingerprint: 79488e5b059235e9085eae677f61069127ef11b29fa04d1aa5a034a7c7689f12
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: set table comment
-- hazards: not_transactional
ALTER TABLE `customers`
  COMMENT='people who buy';
