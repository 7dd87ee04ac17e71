-- driftd reconciliation plan
-- target fingerprint: f1f4ec508b24230941f571a7e8f895574a22eeef796651c77e261a6c200e288a
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table settings: set engine InnoDB
-- hazards: not_transactional, rewrites_table
ALTER TABLE `settings`
  ENGINE=InnoDB;

-- table settings: clear page_checksum, which MariaDB keeps from the old engine; clear transactional, which MariaDB keeps from the old engine
-- hazards: not_transactional, rewrites_table
ALTER TABLE `settings`
  PAGE_CHECKSUM=DEFAULT,
  TRANSACTIONAL=DEFAULT;
