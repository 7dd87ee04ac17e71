-- driftd reconciliation plan
-- target fingerprint: b4a0738ab186e653d465c9ff16288f0bb0e32555dd3c3e058fa1bc90fab6056b
-- golden fingerprint: 416c038b608881b20d196dedf90c63277cad517878aa5e9cf66d6464c6d1a91e
SET SESSION lock_wait_timeout = 10;

-- table order_items: drop extra check ck_qty
-- hazards: not_transactional
ALTER TABLE `order_items`
  DROP CONSTRAINT `ck_qty`;
