package dev.driftd.store;

import dev.driftd.diff.Severity;

import java.time.Instant;
import java.util.Map;

/**
 * One member's current state as the store keeps it ({@code driftd_member_state}). {@code state} is
 * the name of the fleet's member state ({@code IN_SYNC}, {@code DRIFTED}, …): the store reads only
 * {@link #DRIFTED} and {@link #IN_SYNC} from it, to open and resolve drift events.
 */
public record MemberRow(String fleet, String member, String state, String fingerprint, Instant lastSnapshot,
                        Instant driftSince, Map<Severity, Integer> changes, String errorReason, String error) {
    public static final String DRIFTED = "DRIFTED";
    public static final String IN_SYNC = "IN_SYNC";

    public MemberRow {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public boolean drifted() {
        return DRIFTED.equals(state);
    }

    public boolean inSync() {
        return IN_SYNC.equals(state);
    }

    /** The change count of {@code severity}, 0 when none was counted. */
    int count(Severity severity) {
        return changes.getOrDefault(severity, 0);
    }
}
