-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 956aa882c3493bf193bc8e3a4f51c739eaf595edee2e367ea29a3bed237d421f
SET SESSION lock_wait_timeout = 10;

-- table metrics: set engine MyISAM
-- hazards: not_transactional, rewrites_table
ALTER TABLE `metrics`
  ENGINE=MyISAM;
