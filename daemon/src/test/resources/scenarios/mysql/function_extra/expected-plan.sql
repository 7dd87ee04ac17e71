-- driftd reconciliation plan
-- target fingerprint: 13fce89a3d2fcb5e7f253adca2bec807931feecd7384cf1da4732a8d5d103022
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- drop extra function f_extra
-- hazards: not_transactional
DROP FUNCTION IF EXISTS `f_extra`;
