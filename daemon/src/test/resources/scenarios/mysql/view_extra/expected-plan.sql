-- driftd reconciliation plan
-- target fingerprint: 65318fe8faff54463e21da5aef15d1b706403b6fcdd48e915c7347897e2c3a80
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- drop extra view v_extra
-- hazards: not_transactional
DROP VIEW IF EXISTS `v_extra`;
