-- driftd reconciliation plan
-- target fingerprint: 1e6f5f9b6855a5eb38e556d6ff75a103e7f0a0f6c415086b67fa5fa7609fbe56
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- drop extra procedure p_extra
-- hazards: not_transactional
DROP PROCEDURE IF EXISTS `p_extra`;
