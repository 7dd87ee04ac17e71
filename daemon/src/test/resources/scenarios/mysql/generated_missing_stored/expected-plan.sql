-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: 5ec5ec0c40093bfbded6aedb2daa04ba529f9b405ddfc9e5805dc44c8ca842aa
SET SESSION lock_wait_timeout = 10;

-- table customers: add column domain
-- hazards: not_transactional, rewrites_table
ALTER TABLE `customers`
  ADD COLUMN `domain` varchar(120) GENERATED ALWAYS AS (substring_index(`email`,'@',-1)) STORED AFTER `email`;
