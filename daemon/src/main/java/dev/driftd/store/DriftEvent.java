package dev.driftd.store;

import dev.driftd.diff.Severity;

import java.time.Instant;
import java.util.Map;

/**
 * One period of drift of a member: opened when drift was first seen, resolved ({@code null} while
 * open) when the member was next seen in sync or left the fleet. Fingerprints and counts are the
 * latest seen while it was open.
 */
public record DriftEvent(long id, String fleet, String member, Instant opened, Instant resolved, String fingerprint,
                         String goldenFingerprint, Map<Severity, Integer> changes) {
    public DriftEvent {
        changes = Map.copyOf(changes);
    }

    public boolean open() {
        return resolved == null;
    }
}
