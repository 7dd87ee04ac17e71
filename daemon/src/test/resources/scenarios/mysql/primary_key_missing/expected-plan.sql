-- driftd reconciliation plan
-- target fingerprint: 2efc6d510414de50ba9c17657bbc3fbb5962ea1dc84963099293f90636c6548a
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table settings: add primary key
-- hazards: not_transactional, rewrites_table, validates_rows
ALTER TABLE `settings`
  ADD PRIMARY KEY (`k`);
