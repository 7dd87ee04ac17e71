package dev.driftd.fleet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fleet as of its last sweep: golden's fingerprint (or why golden could not be resolved) and
 * every current member.
 */
public record FleetStatus(String name, String schedule, String goldenFingerprint, String goldenError,
                          Instant lastSweepStarted, Instant lastSweepFinished, List<MemberStatus> members) {
    public FleetStatus {
        members = List.copyOf(members);
    }

    /** Members grouped by fingerprint (unreachable and pending members are not a variant). */
    public Map<String, List<String>> variants() {
        Map<String, List<String>> out = new TreeMap<>();
        for (MemberStatus m : members) {
            if (m.fingerprint() != null && (m.state() == MemberState.IN_SYNC || m.state() == MemberState.DRIFTED)) {
                out.computeIfAbsent(m.fingerprint(), k -> new java.util.ArrayList<>()).add(m.member());
            }
        }
        return out;
    }

    public Map<MemberState, Integer> countByState() {
        Map<MemberState, Integer> out = new LinkedHashMap<>();
        for (MemberState s : MemberState.values()) {
            out.put(s, 0);
        }
        for (MemberStatus m : members) {
            out.merge(m.state(), 1, Integer::sum);
        }
        return out;
    }
}
