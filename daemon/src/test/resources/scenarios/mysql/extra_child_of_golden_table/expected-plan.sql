-- driftd reconciliation plan
-- target fingerprint: 6bb80fb350da22bdfcc5becb271d7f1ffe515848c2fd77b25d402d1358c54912
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- drop extra table notes and its data
-- hazards: deletes_data, not_transactional
DROP TABLE `notes`;
