package dev.driftd.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the fleet endpoints. States are spelt like the metric labels (in_sync, drifted, ...). */
final class FleetJson {
    private FleetJson() {
    }

    static ObjectNode fleetList(List<FleetStatus> fleets) {
        ObjectNode root = ApiResponse.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("fleets");
        for (FleetStatus f : fleets) {
            ObjectNode n = arr.addObject();
            n.put("name", f.name());
            n.put("schedule", f.schedule());
            n.put("goldenFingerprint", f.goldenFingerprint());
            n.put("goldenError", f.goldenError());
            n.put("lastSweepFinished", iso(f.lastSweepFinished()));
            n.set("summary", summary(f));
            n.put("variants", f.variants().size());
        }
        return root;
    }

    static ObjectNode fleet(FleetStatus f) {
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("name", f.name());
        n.put("schedule", f.schedule());
        ObjectNode golden = n.putObject("golden");
        golden.put("fingerprint", f.goldenFingerprint());
        golden.put("error", f.goldenError());
        ObjectNode sweep = n.putObject("lastSweep");
        sweep.put("started", iso(f.lastSweepStarted()));
        sweep.put("finished", iso(f.lastSweepFinished()));
        n.set("summary", summary(f));
        n.set("variants", variants(f));
        ArrayNode members = n.putArray("members");
        for (MemberStatus m : f.members()) {
            members.add(member(m));
        }
        return n;
    }

    /** Members per state, and drifting objects per severity summed over drifted members. */
    record Summary(int members, int pending, int inSync, int drifted, int unreachable, Map<String, Integer> changes) {
        static Summary of(FleetStatus f) {
            Map<MemberState, Integer> byState = f.countByState();
            Map<String, Integer> changes = new java.util.LinkedHashMap<>();
            for (Severity sev : Severity.values()) {
                changes.put(sev.label(), f.members().stream()
                        .filter(m -> m.state() == MemberState.DRIFTED)
                        .mapToInt(m -> m.changes().getOrDefault(sev, 0)).sum());
            }
            return new Summary(f.members().size(), byState.getOrDefault(MemberState.PENDING, 0),
                    byState.getOrDefault(MemberState.IN_SYNC, 0), byState.getOrDefault(MemberState.DRIFTED, 0),
                    byState.getOrDefault(MemberState.UNREACHABLE, 0), changes);
        }
    }

    static ObjectNode summary(FleetStatus f) {
        return ApiResponse.MAPPER.valueToTree(Summary.of(f));
    }

    /** Variants largest first; the one whose fingerprint is golden's is marked. */
    static ArrayNode variants(FleetStatus f) {
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>(f.variants().entrySet());
        entries.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        ArrayNode arr = ApiResponse.MAPPER.createArrayNode();
        for (Map.Entry<String, List<String>> e : entries) {
            ObjectNode v = arr.addObject();
            v.put("fingerprint", e.getKey());
            v.put("golden", e.getKey().equals(f.goldenFingerprint()));
            v.put("count", e.getValue().size());
            ArrayNode names = v.putArray("members");
            e.getValue().stream().sorted().forEach(names::add);
        }
        return arr;
    }

    static ObjectNode member(MemberStatus m) {
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("name", m.member());
        n.put("state", m.state().label());
        n.put("fingerprint", m.fingerprint());
        n.put("serverVersion", m.serverVersion());
        n.put("lastSnapshot", iso(m.lastSnapshot()));
        n.put("driftSince", iso(m.driftSince()));
        ObjectNode changes = n.putObject("changes");
        for (Severity s : Severity.values()) {
            changes.put(s.label(), m.changes().getOrDefault(s, 0));
        }
        n.put("errorReason", m.errorReason());
        n.put("error", m.error());
        return n;
    }

    static ObjectNode diff(String fleet, String member, Diff d) {
        return diff(fleet, member, dev.driftd.fleet.MemberDiff.of(d));
    }

    /**
     * The diff answer: counts and {@code inSync} from the drift alone; {@code changes} each with its
     * {@code disposition} (drift first, then ignored and overlay ones when they were asked for).
     */
    static ObjectNode diff(String fleet, String member, dev.driftd.fleet.MemberDiff md) {
        Diff d = md.drift();
        ObjectNode n = ApiResponse.MAPPER.createObjectNode();
        n.put("fleet", fleet);
        n.put("member", member);
        n.put("inSync", d.inSync());
        n.put("goldenFingerprint", d.goldenFingerprint());
        n.put("targetFingerprint", d.targetFingerprint());
        ObjectNode counts = n.putObject("counts");
        d.countsBySeverity().forEach((s, c) -> counts.put(s.label(), c));
        notInspected(n, d.notInspected());
        ArrayNode changes = n.putArray("changes");
        d.changes().forEach(c -> changes.add(change(c, dev.driftd.diff.Disposition.DRIFT)));
        md.ignored().forEach(c -> changes.add(change(c, dev.driftd.diff.Disposition.IGNORED)));
        md.overlay().forEach(c -> changes.add(change(c, dev.driftd.diff.Disposition.OVERLAY)));
        return n;
    }

    private static ObjectNode change(dev.driftd.diff.Change c, dev.driftd.diff.Disposition disposition) {
        ObjectNode cn = ApiResponse.MAPPER.valueToTree(c);
        cn.put("description", c.describe());
        cn.put("disposition", disposition.label());
        return cn;
    }

    /**
     * {@code notInspected}: the kinds a comparison could not compare, sorted labels; and
     * {@code comparedAll}: false when there are any, so "in sync" is never read as covering them.
     */
    static void notInspected(ObjectNode n, java.util.Set<dev.driftd.schema.ObjectKind> kinds) {
        ArrayNode not = n.putArray("notInspected");
        kinds.stream().map(k -> k.label()).sorted().forEach(not::add);
        n.put("comparedAll", kinds.isEmpty());
    }

    /** The result of a sweep run for {@code POST .../sweep?wait=true}: members per state and how many were reused. */
    record SweepAnswer(String fleet, String started, String finished, int members, int inSync, int drifted,
                       int unreachable, String goldenError, int reused) {
        static SweepAnswer of(SweepResult r) {
            return new SweepAnswer(r.fleet(), iso(r.started()), iso(r.finished()), r.members(), r.inSync(),
                    r.drifted(), r.unreachable(), r.goldenError(), r.reused());
        }
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
