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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;

/**
 * The driftd_* series. Gauges read member and fleet state that {@link #refresh()} copies from the
 * {@link FleetService} once per scrape (one call to {@code fleets()}, whatever the member count);
 * counters and histograms are fed by the sweep through {@link FleetEvents}. Counters that alert
 * rules use are registered at 0 for every known fleet and member, so {@code increase()} sees the
 * first event; series of members that left a fleet are removed.
 *
 * <p>Fleet-level meters (member counts, variants, rollouts, the two duration histograms) are
 * Micrometer meters in the Prometheus registry, next to the JVM meters. Per-member families are
 * kept in {@link MemberSeries} and written straight to the exposition by {@link #scrape()}: a
 * Micrometer meter per series made a 5,000-member scrape take over half a second.
 */
public final class FleetMetrics implements FleetEvents {
    public static final String MEMBER_DRIFT = "driftd_member_drift";
    public static final String MEMBER_DRIFT_CHANGES = "driftd_member_drift_changes";
    public static final String MEMBER_UP = "driftd_member_up";
    public static final String MEMBER_LAST_SNAPSHOT = "driftd_member_last_snapshot_timestamp_seconds";
    public static final String MEMBER_DRIFT_SINCE = "driftd_member_drift_since_timestamp_seconds";
    public static final String MEMBER_SERVER_INFO = "driftd_member_server_info";
    public static final String SNAPSHOT_ERRORS = "driftd_snapshot_errors_total";
    public static final String DDL_EVENTS = "driftd_ddl_events_total";
    public static final String MEMBER_WAIVED_CHANGES = "driftd_member_waived_changes";
    public static final String WAIVER_EXPIRY = "driftd_waiver_expiry_timestamp_seconds";
    public static final String MEMBER_OVERLAYS = "driftd_member_overlays";
    /** Exposed as {@code driftd_discovery_skipped_total{fleet,reason}}. */
    public static final String DISCOVERY_SKIPPED = "driftd_discovery_skipped";
    static final String FLEET_MEMBERS = "driftd.fleet.members";
    static final String FLEET_VARIANTS = "driftd.fleet.variants";
    static final String SNAPSHOT_DURATION = "driftd.snapshot.duration";
    static final String SWEEP_DURATION = "driftd.sweep.duration";
    static final String ROLLOUT_MEMBERS = "driftd.rollout.members";
    static final String SCHEDULE_NEXT = "driftd.fleet.schedule.next.timestamp.seconds";
    static final String SCHEDULE_PERIOD = "driftd.fleet.schedule.period.seconds";

    /** Error reasons the sweep reports (see MemberStatus); each is registered at 0 per member. */
    public static final List<String> ERROR_REASONS = List.of("timeout", "auth", "connect", "missing", "query");

    /** The member states {@code driftd_fleet_members} exports; pending members are in none of them. */
    static final List<MemberState> FLEET_STATES = List.of(MemberState.IN_SYNC, MemberState.DRIFTED,
            MemberState.UNREACHABLE);

    private static final String EOF = "# EOF\n";
    private static final Logger LOG = LoggerFactory.getLogger(FleetMetrics.class);
    private static final Duration[] SNAPSHOT_BUCKETS = seconds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    private static final Duration[] SWEEP_BUCKETS = seconds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800);

    private final PrometheusMeterRegistry registry;
    private final Supplier<List<FleetStatus>> state;
    private final RolloutCounts rollouts;
    private final Clock clock;
    private final NavigableMap<String, FleetMeters> fleets = new ConcurrentSkipListMap<>();
    private volatile java.util.function.Function<String, Map<String, dev.driftd.waiver.WaiverSummary>> waived =
            fleet -> Map.of();
    private volatile java.util.function.ToIntBiFunction<String, String> overlays = (fleet, member) -> 0;

    /**
     * @param state the fleets as the fleet service sees them ({@link FleetService#fleets()}); a
     *              supplier because the service is built after the events sink it reports to
     */
    public FleetMetrics(PrometheusMeterRegistry registry, Supplier<List<FleetStatus>> state, RolloutCounts rollouts) {
        this(registry, state, rollouts, Clock.systemUTC());
    }

    /** @param clock what "now" is for the schedule gauges (tests pin it) */
    FleetMetrics(PrometheusMeterRegistry registry, Supplier<List<FleetStatus>> state, RolloutCounts rollouts,
                 Clock clock) {
        this.registry = registry;
        this.state = state;
        this.rollouts = rollouts;
        this.clock = clock;
    }

    /** Where each fleet's waived changes are read at every scrape ({@link FleetService#waived}); none by default. */
    public void waivedBy(java.util.function.Function<String, Map<String, dev.driftd.waiver.WaiverSummary>> source) {
        this.waived = source;
    }

    /**
     * Where the number of overlays of each member is read at every scrape (the configuration: an
     * overlaid member's expected schema is golden plus them); 0 for every member by default.
     */
    public void overlaysBy(java.util.function.ToIntBiFunction<String, String> source) {
        this.overlays = source;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Refreshes the gauges from the fleet service and returns the whole text exposition (format 0.0.4). */
    public String scrape() {
        return scrape(ExpositionFormat.TEXT);
    }

    /** Refreshes the gauges from the fleet service and returns the whole exposition in the given format. */
    public synchronized String scrape(ExpositionFormat format) {
        refresh();
        return exposition(format);
    }

    /** The text exposition of the values as they are now, without asking the fleet service. */
    synchronized String exposition() {
        return exposition(ExpositionFormat.TEXT);
    }

    /**
     * Micrometer's part (fleet meters, JVM, build info) in the format asked for, then the per-member
     * families. OpenMetrics ends with {@code # EOF}, so they go before it. Exemplars stay off: the
     * registry is built without an exemplar sampler, so no series carries one.
     */
    private String exposition(ExpositionFormat format) {
        String micrometer = registry.scrape(format.contentType());
        boolean openMetrics = format == ExpositionFormat.OPENMETRICS;
        if (openMetrics && micrometer.endsWith(EOF)) {
            micrometer = micrometer.substring(0, micrometer.length() - EOF.length());
        }
        int members = fleets.values().stream().mapToInt(f -> f.members.size()).sum();
        StringBuilder out = new StringBuilder(micrometer.length() + members * 1300);
        out.append(micrometer);
        writeMemberFamilies(out, openMetrics);
        if (openMetrics) {
            out.append(EOF);
        }
        return out.toString();
    }

    /**
     * Copies the current fleet state into the gauges: adds series for new fleets and members,
     * removes those of fleets and members that are gone.
     */
    public synchronized void refresh() {
        List<FleetStatus> current = state.get();
        Set<String> seenFleets = new HashSet<>();
        for (FleetStatus f : current) {
            seenFleets.add(f.name());
            FleetMeters fm = fleet(f.name());
            Map<MemberState, Integer> counts = f.countByState();
            for (int i = 0; i < FLEET_STATES.size(); i++) {
                fm.byState[i] = counts.getOrDefault(FLEET_STATES.get(i), 0);
            }
            fm.variants = f.variants().size();
            if (!fm.schedule.is(f.schedule())) {
                fm.schedule = FleetSchedule.of(f.schedule());
                if (!fm.schedule.known()) {
                    // NaN gauges would leave DriftdFleetNotSwept silent for this fleet: say so once per change
                    LOG.warn("fleet {}: schedule '{}' does not parse; "
                            + "driftd_fleet_schedule_* read NaN", f.name(), f.schedule());
                }
            }
            Set<String> seenMembers = new HashSet<>();
            Map<String, dev.driftd.waiver.WaiverSummary> waivedNow = waived(f.name());
            for (MemberStatus m : f.members()) {
                seenMembers.add(m.member());
                MemberSeries series = fm.member(m.member());
                series.update(m);
                series.waived(waivedNow.get(m.member()));
                series.overlays = overlays(f.name(), m.member());
            }
            fm.members.keySet().removeIf(name -> !seenMembers.contains(name));
        }
        for (String gone : List.copyOf(fleets.keySet())) {
            if (!seenFleets.contains(gone)) {
                FleetMeters fm = fleets.remove(gone);
                if (fm != null) {
                    fm.own.forEach(registry::remove);
                }
            }
        }
    }

    private Map<String, dev.driftd.waiver.WaiverSummary> waived(String fleet) {
        try {
            return waived.apply(fleet);
        } catch (RuntimeException e) {
            LOG.warn("fleet {}: cannot read its waived changes: {}", fleet, e.toString());
            return Map.of();
        }
    }

    private int overlays(String fleet, String member) {
        try {
            return overlays.applyAsInt(fleet, member);
        } catch (RuntimeException e) {
            LOG.warn("fleet {}: cannot count the overlays of member {}: {}", fleet, member, e.toString());
            return 0;
        }
    }

    /** @param openMetrics counters' families are named without {@code _total} there, their samples with it */
    private void writeMemberFamilies(StringBuilder out, boolean openMetrics) {
        TextExposition.family(out, MEMBER_DRIFT, "gauge",
                "1 when the member's schema differs from golden, 0 when in sync (NaN: not known yet)");
        eachMember(m -> TextExposition.sample(out, MEMBER_DRIFT, m.labels, null, null, m.drift));
        TextExposition.family(out, MEMBER_DRIFT_CHANGES, "gauge", "Objects that differ from golden, per severity");
        eachMember(m -> {
            for (Severity s : Severity.values()) {
                TextExposition.sample(out, MEMBER_DRIFT_CHANGES, m.labels, "severity", s.label(), m.changes[s.ordinal()]);
            }
        });
        TextExposition.family(out, MEMBER_UP, "gauge", "1 when the member's last snapshot succeeded, 0 when it failed");
        eachMember(m -> TextExposition.sample(out, MEMBER_UP, m.labels, null, null, m.up));
        TextExposition.family(out, MEMBER_LAST_SNAPSHOT, "gauge", "Unix time of the member's last snapshot");
        eachMember(m -> TextExposition.sample(out, MEMBER_LAST_SNAPSHOT, m.labels, null, null, m.lastSnapshot));
        TextExposition.family(out, MEMBER_DRIFT_SINCE, "gauge",
                "Unix time the member's current drift was first seen (NaN when in sync)");
        eachMember(m -> TextExposition.sample(out, MEMBER_DRIFT_SINCE, m.labels, null, null, m.driftSince));
        TextExposition.family(out, MEMBER_WAIVED_CHANGES, "gauge",
                "Changes of the member that waivers accept now (not counted in driftd_member_drift)");
        eachMember(m -> TextExposition.sample(out, MEMBER_WAIVED_CHANGES, m.labels, null, null, m.waivedChanges));
        TextExposition.family(out, WAIVER_EXPIRY, "gauge",
                "Unix time the soonest of the waivers covering the member's changes expires (only members with one)");
        eachMember(m -> {
            if (!Double.isNaN(m.waiverExpiry)) {
                TextExposition.sample(out, WAIVER_EXPIRY, m.labels, null, null, m.waiverExpiry);
            }
        });
        TextExposition.family(out, MEMBER_OVERLAYS, "gauge",
                "Overlays the member's expected schema adds to golden (0: compared with golden itself)");
        eachMember(m -> TextExposition.sample(out, MEMBER_OVERLAYS, m.labels, null, null, m.overlays));
        TextExposition.family(out, MEMBER_SERVER_INFO, "gauge",
                "Always 1: the server version the member reported at its last good snapshot, and its major");
        eachMember(m -> {
            String server = m.serverLabels;
            if (server != null) {
                TextExposition.sample(out, MEMBER_SERVER_INFO, server, null, null, 1);
            }
        });
        TextExposition.counterFamily(out, SNAPSHOT_ERRORS, "Failed snapshots of the member per reason", openMetrics);
        eachMember(m -> m.errors.forEach((reason, n) ->
                TextExposition.sample(out, SNAPSHOT_ERRORS, m.labels, "reason", reason, n.sum())));
        TextExposition.counterFamily(out, DDL_EVENTS, "DDL statements reported by the JDBC proxy", openMetrics);
        eachMember(m -> TextExposition.sample(out, DDL_EVENTS, m.labels, null, null, m.ddlEvents.sum()));
    }

    private void eachMember(java.util.function.Consumer<MemberSeries> action) {
        for (FleetMeters f : fleets.values()) {
            f.members.values().forEach(action);
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
            DoubleAdder n = fm.member(member).error(reason == null || reason.isBlank() ? "unknown" : reason);
            n.add(1);
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
            if (fm != null) {
                fm.members.remove(member);
            }
        });
    }

    @Override
    public void discoverySkipped(String fleet, String reason) {
        guarded(() -> fleet(fleet).skipped(reason).increment());
    }

    @Override
    public void ddlReported(String fleet, String member) {
        guarded(() -> fleet(fleet).member(member).ddlEvents.add(1));
    }

    /** ConcurrentSkipListMap.computeIfAbsent may run the factory twice: creation is serialized, lookups are not. */
    private FleetMeters fleet(String name) {
        FleetMeters f = fleets.get(name);
        if (f != null) {
            return f;
        }
        synchronized (fleets) {
            return fleets.computeIfAbsent(name, FleetMeters::new);
        }
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

    /** Meters of one fleet; the fleet-level gauges read fields refresh() writes. */
    private final class FleetMeters {
        final String name;
        final List<Meter> own = new ArrayList<>();
        final NavigableMap<String, MemberSeries> members = new ConcurrentSkipListMap<>();
        final Timer snapshotDuration;
        final Timer sweepDuration;
        final int[] byState = new int[FLEET_STATES.size()];
        volatile int variants;
        volatile FleetSchedule schedule = FleetSchedule.of(null);

        FleetMeters(String name) {
            this.name = name;
            Tags tags = Tags.of("fleet", name);
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
                        .description("Members of the fleet's latest rollout per state, while it runs and after it ended")
                        .tags(tags).tag("state", state).register(registry));
            }
            // Same value on every node of a cluster (read from the cron, not the scheduler): max without (instance).
            own.add(Gauge.builder(SCHEDULE_NEXT, this, f -> f.schedule.nextTimestampSeconds(clock.instant()))
                    .description("Unix time the fleet's schedule fires next (NaN when it never fires again)")
                    .tags(tags).register(registry));
            own.add(Gauge.builder(SCHEDULE_PERIOD, this, f -> f.schedule.periodSeconds(clock.instant()))
                    .description("Seconds between the schedule's next two firings: how often the fleet is swept")
                    .tags(tags).register(registry));
            snapshotDuration = Timer.builder(SNAPSHOT_DURATION)
                    .description("Time to snapshot one member (connect, catalog queries, normalize), failures included")
                    .tags(tags).serviceLevelObjectives(SNAPSHOT_BUCKETS).register(registry);
            sweepDuration = Timer.builder(SWEEP_DURATION)
                    .description("Time of one pass over every member of the fleet")
                    .tags(tags).serviceLevelObjectives(SWEEP_BUCKETS).register(registry);
            own.add(snapshotDuration);
            own.add(sweepDuration);
        }

        Counter skipped(String reason) {
            synchronized (own) {
                Counter c = Counter.builder(DISCOVERY_SKIPPED)
                        .description("Names a discovery rule found and did not make members, per reason "
                                + "(name-taken, control-character), counted at each sweep")
                        .tags(Tags.of("fleet", name, "reason", reason)).register(registry);
                if (!own.contains(c)) {
                    own.add(c);
                }
                return c;
            }
        }

        MemberSeries member(String member) {
            MemberSeries m = members.get(member);
            if (m != null) {
                return m;
            }
            synchronized (members) {
                return members.computeIfAbsent(member, x -> new MemberSeries(name, x));
            }
        }
    }
}
