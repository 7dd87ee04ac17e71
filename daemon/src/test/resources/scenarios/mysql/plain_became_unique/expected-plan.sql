-- driftd reconciliation plan
-- target fingerprint: f3de59b7ce1b51c9c91107299411f0d18eae4ad854bdc8e0d7d909e68c11babe
-- golden fingerprint: 3cd04a5e084358ddb3adc48c9d2747ed9e5888b1e5552ce85745ba63fbe790b6
SET SESSION lock_wait_timeout = 10;

-- table tags: re-create index uq_label
-- hazards: index_build, index_dropped, not_transactional
ALTER TABLE `tags`
  DROP INDEX `uq_label`,
  ADD INDEX `uq_label` (`label`),
  ALGORITHM=INPLACE,
  LOCK=NONE;
