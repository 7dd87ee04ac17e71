-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 0c4edbdd2f603309b8af79b22a91bc8118aaac7ac5928ca008ba961cdf51f537
SET SESSION lock_wait_timeout = 10;

-- table settings: change column v from text to text ascii ascii_general_ci, which may truncate or convert existing values
-- hazards: deletes_data, not_transactional, rewrites_table
ALTER TABLE `settings`
  MODIFY COLUMN `v` text CHARACTER SET ascii COLLATE ascii_general_ci NULL;
