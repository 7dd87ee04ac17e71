package dev.driftd.diff;

import dev.driftd.schema.ObjectKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between a target and golden, in canonical object order. {@code notInspected}
 * names kinds neither side could read, so "no drift" is never claimed for them silently.
 */
public record Diff(String goldenFingerprint, String targetFingerprint, List<Change> changes,
                   Set<ObjectKind> notInspected) {
    public Diff {
        changes = List.copyOf(changes);
        notInspected = Set.copyOf(notInspected);
    }

    /** True when nothing that counts as drift differs (PostgreSQL column order alone is in sync). */
    public boolean inSync() {
        return changes.stream().noneMatch(Change::drift);
    }

    public List<Change> driftChanges() {
        return changes.stream().filter(Change::drift).toList();
    }

    /** Number of drifting objects per severity, every severity present (zero when none). */
    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Change c : changes) {
            if (c.drift()) {
                counts.merge(c.severity(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
