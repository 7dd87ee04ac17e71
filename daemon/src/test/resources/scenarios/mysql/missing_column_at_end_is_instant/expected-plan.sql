-- driftd reconciliation plan
-- target fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
-- golden fingerprint: bcb8fb96cf2e0c49edd21159dbc51b85d698375248e72b3ab558a59b55f0d0a0
SET SESSION lock_wait_timeout = 10;

-- table tags: add column color
-- hazards: not_transactional
ALTER TABLE `tags`
  ADD COLUMN `color` varchar(10) NOT NULL DEFAULT 'none',
  ALGORITHM=INSTANT;
