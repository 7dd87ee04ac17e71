package dev.driftd.fleet;

import java.util.Locale;

public enum MemberState {
    /** Known, not snapshotted yet (discovered or configured since the last sweep). */
    PENDING,
    IN_SYNC,
    DRIFTED,
    /** The last snapshot failed: down, wrong password, timeout. */
    UNREACHABLE;

    /** The Prometheus label value: {@code in_sync}, {@code drifted}, {@code unreachable}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
