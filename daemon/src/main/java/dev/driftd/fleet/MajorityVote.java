package dev.driftd.fleet;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The majority golden: the fingerprint most reachable members share. A tie goes to the variant
 * holding the alphabetically first member name, so the choice is deterministic and does not flip
 * between sweeps while nothing changes.
 */
public final class MajorityVote {
    private MajorityVote() {
    }

    /** {@code fingerprints}: member name to fingerprint, reachable members only. Empty when there is none. */
    public static Optional<String> pick(Map<String, String> fingerprints) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> firstMember = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(fingerprints).entrySet()) {
            counts.merge(e.getValue(), 1, Integer::sum);
            firstMember.putIfAbsent(e.getValue(), e.getKey());
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null) {
                best = e.getKey();
                continue;
            }
            int cmp = Integer.compare(e.getValue(), counts.get(best));
            if (cmp > 0 || (cmp == 0 && firstMember.get(e.getKey()).compareTo(firstMember.get(best)) < 0)) {
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }
}
