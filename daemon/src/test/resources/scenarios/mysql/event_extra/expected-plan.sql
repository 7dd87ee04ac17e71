-- driftd reconciliation plan
-- target fingerprint: 97fc6d05c4205cc25081fd6c44b43aa6db9cf1bdf55ef6981a78ab842951bf33
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- drop extra event ev_extra
-- hazards: not_transactional
DROP EVENT IF EXISTS `ev_extra`;
