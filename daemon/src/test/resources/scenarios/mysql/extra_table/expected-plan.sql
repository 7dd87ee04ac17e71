-- driftd reconciliation plan
-- target fingerprint: 6d484b35d3db736b40dc234c9a46875433b6d8b050bf24523797324cd63a3eab
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- drop extra table audit_log and its data
-- hazards: deletes_data, not_transactional
DROP TABLE `audit_log`;
