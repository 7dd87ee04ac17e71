-- driftd reconciliation plan
-- target fingerprint: f8f413aa4925f570b077ecd80e82ea8a15262fc5d7975dbc348644bb9998fef1
-- golden fingerprint: 5b83b09b8b79ff92d7ad665f92e051bd4d51f2629c7a68833bb3c275c29d7817
SET SESSION lock_wait_timeout = 10;

-- table blobs: change column body
-- hazards: not_transactional, rewrites_table
ALTER TABLE `blobs`
  MODIFY COLUMN `body` blob NULL;
