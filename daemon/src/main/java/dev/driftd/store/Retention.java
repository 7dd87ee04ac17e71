package dev.driftd.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Deletes what is older than the retention: history stretches that ended before the cutoff (never
 * a member's latest one), resolved drift events, and snapshots that nothing kept references.
 */
final class Retention {
    private final Jdbc jdbc;

    Retention(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes what is older than {@code retention} before {@code now}; snapshots are kept while
     * current, in kept history, the golden of an open drift event, or {@code pinned}. Returns the
     * number of rows deleted.
     */
    int apply(Duration retention, Instant now, Collection<String> pinned) {
        Instant cutoff = now.minus(retention);
        return jdbc.call("apply retention", c -> {
            int deleted = Jdbc.update(c, "DELETE FROM driftd_member_history h WHERE h.last_seen < ? "
                    + "AND EXISTS (SELECT 1 FROM driftd_member_history n WHERE n.fleet = h.fleet AND n.member = h.member "
                    + "AND n.last_seen > h.last_seen)", cutoff);
            deleted += Jdbc.update(c, "DELETE FROM driftd_drift_event WHERE resolved IS NOT NULL AND resolved < ?",
                    cutoff);
            List<Object> args = new ArrayList<>();
            args.add(cutoff);
            args.addAll(pinned);
            deleted += Jdbc.update(c, "DELETE FROM driftd_snapshot s WHERE s.created < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM driftd_member_history h WHERE h.fingerprint = s.fingerprint) "
                    + "AND NOT EXISTS (SELECT 1 FROM driftd_member_state m WHERE m.fingerprint = s.fingerprint) "
                    + "AND NOT EXISTS (SELECT 1 FROM driftd_drift_event e WHERE e.golden_fingerprint = s.fingerprint "
                    + "AND e.resolved IS NULL) "
                    + "AND s.fingerprint NOT IN (''" + String.join("", Collections.nCopies(pinned.size(), ", ?")) + ")",
                    args.toArray());
            return deleted;
        });
    }
}
