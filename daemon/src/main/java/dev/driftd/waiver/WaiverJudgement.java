package dev.driftd.waiver;

import dev.driftd.diff.Change;
import dev.driftd.diff.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A member's differences weighed against its waivers in force: each change is waived (by the first
 * waiver, soonest expiring, that covers exactly that difference) or drift. Only unwaived drift
 * makes the member drifted; {@code soonestExpiry} is the earliest expiry among the waivers that
 * cover a current change (null when none does).
 */
public record WaiverJudgement(List<Judged> changes, Map<Severity, Integer> unwaived, int waived,
                              Instant soonestExpiry) {
    public static final String DRIFT = dev.driftd.diff.Disposition.DRIFT.label();
    public static final String WAIVED = dev.driftd.diff.Disposition.WAIVED.label();

    /** One change and its disposition; {@code waiver} is the id of the waiver covering it, or null. */
    public record Judged(Change change, String fingerprint, String waiver) {
        public String disposition() {
            return waiver == null ? DRIFT : WAIVED;
        }
    }

    public WaiverJudgement {
        changes = List.copyOf(changes);
        unwaived = Map.copyOf(unwaived);
    }

    /** @param waivers the member's waivers in force now (expired ones are the caller's to leave out) */
    public static WaiverJudgement of(List<Change> diff, List<Waiver> waivers) {
        List<Waiver> bySoonest = new ArrayList<>(waivers);
        bySoonest.sort(java.util.Comparator.comparing(Waiver::expires).thenComparing(Waiver::id));
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        List<Judged> out = new ArrayList<>();
        int waived = 0;
        Instant soonest = null;
        for (Change c : diff) {
            String fp = ChangeFingerprint.of(c);
            Waiver by = null;
            if (c.drift()) {
                for (Waiver w : bySoonest) {
                    if (w.changes().stream().anyMatch(x -> x.covers(c, fp))) {
                        by = w;
                        break;
                    }
                }
            }
            out.add(new Judged(c, fp, by == null ? null : by.id()));
            if (by != null) {
                waived++;
                soonest = soonest == null || by.expires().isBefore(soonest) ? by.expires() : soonest;
            } else if (c.drift()) {
                counts.merge(c.severity(), 1, Integer::sum);
            }
        }
        return new WaiverJudgement(out, counts, waived, soonest);
    }

    /** True when some drift is left that no waiver covers. */
    public boolean drifted() {
        return unwaived.values().stream().anyMatch(n -> n > 0);
    }
}
