-- driftd reconciliation plan
-- target fingerprint: f9437789801f481281fe5adecca9f8a8ed46dd720b5016c9538a4269930043ef
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table customers: drop extra index ft_name
-- hazards: index_dropped, not_transactional
ALTER TABLE `customers`
  DROP INDEX `ft_name`;
