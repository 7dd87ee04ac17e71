-- driftd reconciliation plan
-- target fingerprint: 912924d10c8dc1e7ea6a391803a67a61fe822528acb6813566184d120c87138c
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table settings: reset row_format
-- hazards: not_transactional, rewrites_table
ALTER TABLE `settings`
  ROW_FORMAT=DEFAULT;
