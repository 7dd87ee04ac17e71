-- driftd reconciliation plan
-- target fingerprint: 12bf6fed74844d4223855f8ea15e8ff82e84f3a9ac22988c12a4d5c813e7cd81
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- drop extra trigger tr_tags_bi
-- hazards: not_transactional
DROP TRIGGER IF EXISTS `tr_tags_bi`;
