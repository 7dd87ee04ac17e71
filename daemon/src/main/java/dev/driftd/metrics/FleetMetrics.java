package dev.driftd.metrics;

import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetService;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The driftd_* series. Gauges read member and fleet state that {@link #refresh()} copies from the
 * {@link FleetService} once per scrape (one call to {@code fleets()}, whatever the member count);
 * counters and histograms are fed by the sweep through {@link FleetEvents}. Counters that alert
 * rules use are registered at 0 for every known fleet and member, so {@code increase()} sees the
 * first event; series of members that left a fleet are removed.
 */
public final class FleetMetrics implements FleetEvents {
    public static final String MEMBER_DRIFT = "driftd.member.drift";
    public static final String MEMBER_DRIFT_CHANGES = "driftd.member.drift.changes";
    public static final String MEMBER_UP = "driftd.member.up";
    public static final String MEMBER_LAST_SNAPSHOT = "driftd.member.last.snapshot.timestamp.seconds";
    public static final String MEMBER_DRIFT_SINCE = "driftd.member.drift.since.timestamp.seconds";
    public static final String FLEET_MEMBERS = "driftd.fleet.members";
    public static final String FLEET_VARIANTS = "driftd.fleet.variants";
    public static final String SNAPSHOT_DURATION = "driftd.snapshot.duration";
    public static final String SWEEP_DURATION = "driftd.sweep.duration";
    public static final String SNAPSHOT_ERRORS = "driftd.snapshot.errors";
    public static final String DDL_EVENTS = "driftd.ddl.events";
    public static final String ROLLOUT_MEMBERS = "driftd.rollout.members";

    /** Error reasons the sweep reports (see MemberStatus); each is registered at 0 per member. */
    public static final List<String> ERROR_REASONS = List.of("timeout", "auth", "connect", "missing", "query");

    /** The member states {@code driftd_fleet_members} exports; pending members are in none of them. */
    static final List<MemberState> FLEET_STATES = List.of(MemberState.IN_SYNC, MemberState.DRIFTED,
            MemberState.UNREACHABLE);

    private static final Logger LOG = LoggerFactory.getLogger(FleetMetrics.class);
    private static final Duration[] SNAPSHOT_BUCKETS = seconds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    private static final Duration[] SWEEP_BUCKETS = seconds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800);

    private final PrometheusMeterRegistry registry;
    private final FleetService service;
    private final RolloutCounts rollouts;
    private final Map<String, FleetMeters> fleets = new ConcurrentHashMap<>();

    public FleetMetrics(PrometheusMeterRegistry registry, FleetService service, RolloutCounts rollouts) {
        this.registry = registry;
        this.service = service;
        this.rollouts = rollouts;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Refreshes the gauges from the fleet service and returns the text exposition (format 0.0.4). */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    /**
     * Copies the current fleet state into the gauges: registers meters of new fleets and members,
     * removes those of fleets and members that are gone.
     */
    public synchronized void refresh() {
        List<FleetStatus> current = service.fleets();
        Set<String> seenFleets = new HashSet<>();
        for (FleetStatus f : current) {
            seenFleets.add(f.name());
            FleetMeters fm = fleet(f.name());
            Map<MemberState, Integer> counts = f.countByState();
            for (int i = 0; i < FLEET_STATES.size(); i++) {
                fm.byState[i] = counts.getOrDefault(FLEET_STATES.get(i), 0);
            }
            fm.variants = f.variants().size();
            Set<String> seenMembers = new HashSet<>();
            for (MemberStatus m : f.members()) {
                seenMembers.add(m.member());
                fm.member(m.member()).update(m);
            }
            for (String gone : List.copyOf(fm.members.keySet())) {
                if (!seenMembers.contains(gone)) {
                    memberRemoved(f.name(), gone);
                }
            }
        }
        for (String gone : List.copyOf(fleets.keySet())) {
            if (!seenFleets.contains(gone)) {
                FleetMeters fm = fleets.remove(gone);
                if (fm != null) {
                    fm.remove();
                }
            }
        }
    }

    @Override
    public void snapshotTaken(String fleet, String member, Duration took) {
        guarded(() -> {
            FleetMeters fm = fleet(fleet);
            fm.member(member);
            fm.snapshotDuration.record(took);
        });
    }

    @Override
    public void snapshotFailed(String fleet, String member, String reason, Duration took) {
        guarded(() -> {
            FleetMeters fm = fleet(fleet);
            fm.snapshotDuration.record(took);
            fm.member(member).error(reason == null || reason.isBlank() ? "unknown" : reason).increment();
        });
    }

    @Override
    public void sweepFinished(SweepResult result, Duration took) {
        guarded(() -> fleet(result.fleet()).sweepDuration.record(took));
    }

    @Override
    public void memberRemoved(String fleet, String member) {
        guarded(() -> {
            FleetMeters fm = fleets.get(fleet);
            MemberMeters mm = fm == null ? null : fm.members.remove(member);
            if (mm != null) {
                mm.remove();
            }
        });
    }

    @Override
    public void ddlReported(String fleet, String member) {
        guarded(() -> fleet(fleet).member(member).ddlEvents.increment());
    }

    private FleetMeters fleet(String name) {
        return fleets.computeIfAbsent(name, FleetMeters::new);
    }

    /** FleetEvents must never throw into the sweep: a metrics failure is logged and dropped. */
    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("metrics update failed: {}", e.toString());
        }
    }

    private static Duration[] seconds(double... s) {
        Duration[] out = new Duration[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Duration.ofNanos(Math.round(s[i] * 1e9));
        }
        return out;
    }

    private static double epochSeconds(Instant t) {
        return t == null ? Double.NaN : t.toEpochMilli() / 1000.0;
    }

    /** Meters of one fleet; the fleet-level gauges read fields refresh() writes. */
    private final class FleetMeters {
        final String name;
        final Tags tags;
        final List<Meter> own = new ArrayList<>();
        final Map<String, MemberMeters> members = new ConcurrentHashMap<>();
        final Timer snapshotDuration;
        final Timer sweepDuration;
        final int[] byState = new int[FLEET_STATES.size()];
        volatile int variants;

        FleetMeters(String name) {
            this.name = name;
            this.tags = Tags.of("fleet", name);
            for (int i = 0; i < FLEET_STATES.size(); i++) {
                int idx = i;
                own.add(Gauge.builder(FLEET_MEMBERS, this, f -> f.byState[idx])
                        .description("Members of the fleet per state (in_sync, drifted, unreachable) as of the last sweep")
                        .tags(tags).tag("state", FLEET_STATES.get(i).label()).register(registry));
            }
            own.add(Gauge.builder(FLEET_VARIANTS, this, f -> f.variants)
                    .description("Distinct schema fingerprints among the fleet's reachable members")
                    .tags(tags).register(registry));
            for (String state : RolloutCounts.STATES) {
                own.add(Gauge.builder(ROLLOUT_MEMBERS, rollouts, r -> r.members(name, state))
                        .description("Members of the fleet's running rollouts per state")
                        .tags(tags).tag("state", state).register(registry));
            }
            snapshotDuration = Timer.builder(SNAPSHOT_DURATION)
                    .description("Time to snapshot one member (connect, catalog queries, normalize), failures included")
                    .tags(tags).serviceLevelObjectives(SNAPSHOT_BUCKETS).register(registry);
            sweepDuration = Timer.builder(SWEEP_DURATION)
                    .description("Time of one pass over every member of the fleet")
                    .tags(tags).serviceLevelObjectives(SWEEP_BUCKETS).register(registry);
            own.add(snapshotDuration);
            own.add(sweepDuration);
        }

        MemberMeters member(String member) {
            return members.computeIfAbsent(member, m -> new MemberMeters(this, m));
        }

        void remove() {
            for (MemberMeters m : members.values()) {
                m.remove();
            }
            members.clear();
            own.forEach(registry::remove);
        }
    }

    /** Meters of one member: gauges over volatile cells, counters registered at zero. */
    private final class MemberMeters {
        final Tags tags;
        final List<Meter> own = new ArrayList<>();
        final Map<String, Counter> errors = new ConcurrentHashMap<>();
        final Counter ddlEvents;
        final double[] changes = new double[Severity.values().length];
        volatile double drift = Double.NaN;
        volatile double up = Double.NaN;
        volatile double lastSnapshot = Double.NaN;
        volatile double driftSince = Double.NaN;

        MemberMeters(FleetMeters fleet, String member) {
            this.tags = Tags.of("fleet", fleet.name, "member", member);
            gauge(MEMBER_DRIFT, "1 when the member's schema differs from golden, 0 when in sync (NaN: not known yet)",
                    m -> m.drift, Tags.empty());
            gauge(MEMBER_UP, "1 when the member's last snapshot succeeded, 0 when it failed", m -> m.up, Tags.empty());
            gauge(MEMBER_LAST_SNAPSHOT, "Unix time of the member's last snapshot", m -> m.lastSnapshot, Tags.empty());
            gauge(MEMBER_DRIFT_SINCE, "Unix time the member's current drift was first seen (NaN when in sync)",
                    m -> m.driftSince, Tags.empty());
            for (Severity s : Severity.values()) {
                int idx = s.ordinal();
                gauge(MEMBER_DRIFT_CHANGES, "Objects that differ from golden, per severity", m -> m.changes[idx],
                        Tags.of("severity", s.label()));
            }
            ddlEvents = Counter.builder(DDL_EVENTS).description("DDL statements reported by the JDBC proxy")
                    .tags(tags).register(registry);
            own.add(ddlEvents);
            for (String reason : ERROR_REASONS) {
                error(reason);
            }
        }

        private void gauge(String name, String help, ToDoubleFunction<MemberMeters> f, Tags extra) {
            own.add(Gauge.builder(name, this, f).description(help).tags(tags).tags(extra).register(registry));
        }

        Counter error(String reason) {
            return errors.computeIfAbsent(reason, r -> {
                Counter c = Counter.builder(SNAPSHOT_ERRORS).description("Failed snapshots of the member per reason")
                        .tags(tags).tag("reason", r).register(registry);
                synchronized (own) {
                    own.add(c);
                }
                return c;
            });
        }

        void update(MemberStatus m) {
            boolean known = m.state() == MemberState.IN_SYNC || m.state() == MemberState.DRIFTED;
            drift = known ? (m.state() == MemberState.DRIFTED ? 1 : 0) : Double.NaN;
            up = switch (m.state()) {
                case IN_SYNC, DRIFTED -> 1;
                case UNREACHABLE -> 0;
                case PENDING -> Double.NaN;
            };
            lastSnapshot = epochSeconds(m.lastSnapshot());
            driftSince = m.state() == MemberState.DRIFTED ? epochSeconds(m.driftSince()) : Double.NaN;
            for (Severity s : Severity.values()) {
                changes[s.ordinal()] = known ? m.changes().getOrDefault(s, 0) : Double.NaN;
            }
        }

        void remove() {
            synchronized (own) {
                own.forEach(registry::remove);
            }
        }
    }
}
