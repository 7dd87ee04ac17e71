-- Version 6: the index on each member's history stretches no longer holds last_seen. Every sweep
-- moves last_seen of every member's current stretch; with last_seen in the index, each of those
-- UPDATEs also rewrote the index: on PostgreSQL it could never be a heap-only (HOT) update, so
-- every sweep left one dead index entry per member until a VACUUM; on H2 it rewrote an index page
-- besides the row's. The queries on the table all look a member's stretches up by (fleet, member)
-- and order its few rows themselves. Both statements are idempotent.
CREATE INDEX IF NOT EXISTS driftd_member_history_by_member ON driftd_member_history (fleet, member);

DROP INDEX IF EXISTS driftd_member_history_member;
