-- driftd reconciliation plan
-- target fingerprint: 845bed305217bbcb7908dbe9d854025025890101739771a582ae167516ec12a8
-- golden fingerprint: 26e2886d6ac5dcf70cd2e0693244f12f91d0b3ea067ada0f10adc47d06630146
SET SESSION lock_wait_timeout = 10;

-- table tags: re-create index ix_label
-- hazards: index_build, index_dropped, not_transactional
ALTER TABLE `tags`
  DROP INDEX `ix_label`,
  ADD INDEX `ix_label` (`label`),
  ALGORITHM=INPLACE,
  LOCK=NONE;
