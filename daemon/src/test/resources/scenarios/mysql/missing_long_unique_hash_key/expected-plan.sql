-- driftd reconciliation plan
-- target fingerprint: bd54114ed46905abd125f3c6e0119979394125349d4c754a130d392e4fc17c0b
-- golden fingerprint: 36acfff4aeaaa64c49c85ca10ac31b6b16201fa0ffcfabc7b41afaac38da1735
SET SESSION lock_wait_timeout = 10;

-- table users: add index credential
-- hazards: index_build, not_transactional, validates_rows
ALTER TABLE `users`
  ADD UNIQUE INDEX `credential` (`credential`) USING HASH;
