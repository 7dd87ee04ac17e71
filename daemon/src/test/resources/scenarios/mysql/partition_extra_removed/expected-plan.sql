-- driftd reconciliation plan
-- target fingerprint: 1a4e6caefc2b37726705831c7bbe8492dd647b11d001ff32de9427037ba0403b
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table metrics: remove partitioning
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics` REMOVE PARTITIONING;
