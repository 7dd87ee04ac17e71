-- driftd reconciliation plan
-- target fingerprint: d0ead619f29357a36683eabaf3cb63ebccc75e0f8f4dd03437cb564da5c447d9
-- golden fingerprint: 1a4e6caefc2b37726705831c7bbe8492dd647b11d001ff32de9427037ba0403b
SET SESSION lock_wait_timeout = 10;

-- table metrics: re-partition
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics`
  PARTITION BY HASH (`id`) PARTITIONS 4;
