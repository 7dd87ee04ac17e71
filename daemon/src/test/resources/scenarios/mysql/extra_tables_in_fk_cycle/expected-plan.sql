-- driftd reconciliation plan
-- target fingerprint: d1a191a858a7a17e02bb525a99e8af73ab4829bd93b6ff7e2b5bf38858c3ce88
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- break the foreign key cycle among extra tables
-- hazards: deletes_data, not_transactional
ALTER TABLE `xa` DROP FOREIGN KEY `fk_a_b`;

-- drop extra table xb and its data
-- hazards: deletes_data, not_transactional
DROP TABLE `xb`;

-- drop extra table xa and its data
-- hazards: deletes_data, not_transactional
DROP TABLE `xa`;
