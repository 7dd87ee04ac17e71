-- driftd reconciliation plan
-- target fingerprint: 82a965a0932ccabee545db401a814924538fb6b39bc2bdf8fdaf7f480b4c6d74
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: set table comment
-- hazards: not_transactional
ALTER TABLE `customers`
  COMMENT='people who buy';
