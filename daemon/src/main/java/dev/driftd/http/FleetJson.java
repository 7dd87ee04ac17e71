package dev.driftd.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftd.diff.Change;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Disposition;
import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberDiff;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.ObjectKind;
import dev.driftd.waiver.WaiverJudgement;
import dev.driftd.waiver.WaiverSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer shapes of the fleet endpoints (docs/openapi.yaml: FleetList, Fleet, Member, Diff,
 * SweepResult). States are spelt like the metric labels (in_sync, drifted, ...); field names are camelCase.
 */
final class FleetJson {
    private FleetJson() {
    }

    record FleetList(List<FleetListItem> fleets) {
        static FleetList of(List<FleetStatus> fleets) {
            return new FleetList(fleets.stream().map(FleetListItem::of).toList());
        }
    }

    record FleetListItem(String name, String schedule, String goldenFingerprint, String goldenError,
                         String lastSweepFinished, Summary summary, int variants) {
        static FleetListItem of(FleetStatus f) {
            return new FleetListItem(f.name(), f.schedule(), f.goldenFingerprint(), f.goldenError(),
                    iso(f.lastSweepFinished()), Summary.of(f), f.variants().size());
        }
    }

    record Golden(String fingerprint, String error) {
    }

    record LastSweep(String started, String finished) {
    }

    record Fleet(String name, String schedule, Golden golden, LastSweep lastSweep, Summary summary,
                 List<Variant> variants, List<Member> members) {
    }

    /** Members per state, and drifting objects per severity summed over drifted members. */
    record Summary(int members, int pending, int inSync, int drifted, int unreachable, Map<String, Integer> changes) {
        static Summary of(FleetStatus f) {
            Map<MemberState, Integer> byState = f.countByState();
            Map<Severity, Integer> changes = new LinkedHashMap<>();
            for (Severity sev : Severity.values()) {
                changes.put(sev, f.members().stream()
                        .filter(m -> m.state() == MemberState.DRIFTED)
                        .mapToInt(m -> m.changes().getOrDefault(sev, 0)).sum());
            }
            return new Summary(f.members().size(), byState.getOrDefault(MemberState.PENDING, 0),
                    byState.getOrDefault(MemberState.IN_SYNC, 0), byState.getOrDefault(MemberState.DRIFTED, 0),
                    byState.getOrDefault(MemberState.UNREACHABLE, 0), perSeverity(changes));
        }
    }

    /** A group of reachable members with one schema; {@code golden} marks the one equal to golden's. */
    record Variant(String fingerprint, boolean golden, int count, List<String> members) {
    }

    /**
     * One member in the fleet answer. {@code waivedChanges}, {@code waiverExpires} (the soonest
     * expiry among the waivers covering its changes) and {@code lastDdl} (its latest reported DDL
     * statement, null when the proxy reported none) come from the fleet service beside the status.
     */
    record Member(String name, String state, String fingerprint, String serverVersion, String lastSnapshot,
                  String driftSince, Map<String, Integer> changes, String errorReason, String error,
                  List<String> notInspected, boolean comparedAll, int waivedChanges, String waiverExpires,
                  DdlJson.Statement lastDdl) {
        static Member of(MemberStatus m, Set<ObjectKind> notInspected, WaiverSummary waived, DdlJson.Statement lastDdl) {
            return new Member(m.member(), m.state().label(), m.fingerprint(), m.serverVersion(), iso(m.lastSnapshot()),
                    iso(m.driftSince()), perSeverity(m.changes()), m.errorReason(), m.error(), labels(notInspected),
                    notInspected.isEmpty(), waived == null ? 0 : waived.waivedChanges(),
                    waived == null ? null : iso(waived.soonestExpiry()), lastDdl);
        }
    }

    /** Golden, last sweep, summary and variants of a fleet; the members as the caller built them. */
    static Fleet fleet(FleetStatus f, List<Member> members) {
        return new Fleet(f.name(), f.schedule(), new Golden(f.goldenFingerprint(), f.goldenError()),
                new LastSweep(iso(f.lastSweepStarted()), iso(f.lastSweepFinished())), Summary.of(f), variants(f),
                members);
    }

    /** Variants largest first. */
    static List<Variant> variants(FleetStatus f) {
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>(f.variants().entrySet());
        entries.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        return entries.stream().map(e -> new Variant(e.getKey(), e.getKey().equals(f.goldenFingerprint()),
                e.getValue().size(), e.getValue().stream().sorted().toList())).toList();
    }

    /**
     * The diff answer: counts and {@code inSync} from the drift alone; {@code changes} each with its
     * {@code disposition} (drift first, then ignored and overlay ones when they were asked for).
     * {@code waived} and {@code drifted} are null when the daemon keeps no waivers.
     */
    record DiffAnswer(String fleet, String member, boolean inSync, String goldenFingerprint, String targetFingerprint,
                      Map<String, Integer> counts, List<String> notInspected, boolean comparedAll,
                      List<ObjectNode> changes, Integer waived, Boolean drifted, List<DdlJson.Statement> recentDdl) {
    }

    /** @param judged the waivers' judgement of the drift changes (in the diff's order), or null without waivers */
    static DiffAnswer diff(String fleet, String member, MemberDiff md, WaiverJudgement judged,
                           List<DdlJson.Statement> recentDdl) {
        Diff d = md.drift();
        List<ObjectNode> changes = new ArrayList<>();
        for (int i = 0; i < d.changes().size(); i++) {
            ObjectNode c = change(d.changes().get(i), Disposition.DRIFT);
            if (judged != null && i < judged.changes().size()) {
                WaiverJudgement.Judged j = judged.changes().get(i);
                c.put("disposition", j.disposition());
                c.put("fingerprint", j.fingerprint());
                if (j.waiver() != null) {
                    c.put("waiver", j.waiver());
                }
            }
            changes.add(c);
        }
        md.ignored().forEach(c -> changes.add(change(c, Disposition.IGNORED)));
        md.overlay().forEach(c -> changes.add(change(c, Disposition.OVERLAY)));
        return new DiffAnswer(fleet, member, d.inSync(), d.goldenFingerprint(), d.targetFingerprint(),
                perSeverity(d.countsBySeverity()), labels(d.notInspected()), d.notInspected().isEmpty(), changes,
                judged == null ? null : judged.waived(), judged == null ? null : judged.drifted(), recentDdl);
    }

    /**
     * A change in the model's canonical form (what fingerprints hash: absent values left out), with
     * what the API adds: its description and disposition.
     */
    private static ObjectNode change(Change c, Disposition disposition) {
        ObjectNode cn = Canonical.MAPPER.valueToTree(c);
        cn.put("description", c.describe());
        cn.put("disposition", disposition.label());
        return cn;
    }

    /** The result of a sweep run for {@code POST .../sweep?wait=true}: members per state and how many were reused. */
    record SweepAnswer(String fleet, String started, String finished, int members, int inSync, int drifted,
                       int unreachable, String goldenError, int reused) {
        static SweepAnswer of(SweepResult r) {
            return new SweepAnswer(r.fleet(), iso(r.started()), iso(r.finished()), r.members(), r.inSync(),
                    r.drifted(), r.unreachable(), r.goldenError(), r.reused());
        }
    }

    /** Every severity's count, in the severities' order (0 for those not given). */
    private static Map<String, Integer> perSeverity(Map<Severity, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            out.put(s.label(), counts.getOrDefault(s, 0));
        }
        return out;
    }

    /** Kinds a comparison could not compare, as sorted labels. */
    private static List<String> labels(Set<ObjectKind> kinds) {
        return kinds.stream().map(ObjectKind::label).sorted().toList();
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
