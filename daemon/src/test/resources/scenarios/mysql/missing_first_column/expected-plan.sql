-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 78192fa5813aa849fb8349a883ee8699702f019c90c6657bf1d388d0de3dc9c8
SET SESSION lock_wait_timeout = 10;

-- table settings: add column scope
-- hazards: not_transactional, rewrites_table
ALTER TABLE `settings`
  ADD COLUMN `scope` varchar(10) NOT NULL DEFAULT 'global' FIRST;
