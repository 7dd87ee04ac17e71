-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 4131814cefbc844bdc0fe4f1d99553666a9572de0b7ed147547c7c95e84e9a5b
SET SESSION lock_wait_timeout = 10;

-- table settings: set row_format REDUNDANT
-- hazards: not_transactional, rewrites_table
ALTER TABLE `settings`
  ROW_FORMAT=REDUNDANT;
