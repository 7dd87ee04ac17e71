package dev.driftd.metrics;

import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FleetMetricsTest {
    static final List<String> NAMES = List.of("driftd_member_drift", "driftd_member_drift_changes",
            "driftd_member_up", "driftd_member_last_snapshot_timestamp_seconds",
            "driftd_member_drift_since_timestamp_seconds", "driftd_fleet_members", "driftd_fleet_variants",
            "driftd_snapshot_duration_seconds", "driftd_sweep_duration_seconds", "driftd_snapshot_errors_total",
            "driftd_ddl_events_total", "driftd_rollout_members", "driftd_build_info",
            "driftd_fleet_schedule_next_timestamp_seconds", "driftd_fleet_schedule_period_seconds",
            "driftd_member_waived_changes", "driftd_waiver_expiry_timestamp_seconds",
            "driftd_member_overlays", "driftd_member_server_info");

    /** promtool lint lines docs/metrics.md accepts on purpose: Micrometer's standard JVM/process names. */
    static final List<String> ACCEPTED_LINT = List.of(
            "process_cpu_time_ns_total metric names should not contain abbreviated units",
            "system_cpu_count non-histogram and non-summary metrics should not have \"_count\" suffix");

    static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");

    static MemberStatus member(String fleet, String name, MemberState state, String fp, Map<Severity, Integer> changes) {
        return new MemberStatus(fleet, name, state, fp, state == MemberState.PENDING ? null : T0,
                state == MemberState.DRIFTED ? T0.minusSeconds(3600) : null, changes,
                state == MemberState.UNREACHABLE ? "connect" : null,
                state == MemberState.UNREACHABLE ? "connection refused" : null,
                state == MemberState.PENDING ? null : "16.10");
    }

    static FleetStatus tenants(MemberStatus... members) {
        return new FleetStatus("tenants", "0 */5 * * * ?", "g1", null, T0, T0, List.of(members));
    }

    InMemoryFleets fleets = new InMemoryFleets();
    PrometheusMeterRegistry registry = PrometheusRegistries.create();
    FleetMetrics metrics = new FleetMetrics(registry, fleets::fleets, RolloutCounts.NONE);

    void standardFleet() {
        fleets.fleets.add(tenants(
                member("tenants", "t1", MemberState.IN_SYNC, "g1", Map.of()),
                member("tenants", "t2", MemberState.DRIFTED, "v2", Map.of(Severity.ADDITIVE, 2, Severity.BREAKING, 1)),
                member("tenants", "t3", MemberState.DRIFTED, "v2", Map.of(Severity.ADDITIVE, 2, Severity.BREAKING, 1)),
                member("tenants", "t4", MemberState.UNREACHABLE, null, Map.of()),
                member("tenants", "t5", MemberState.PENDING, null, Map.of())));
    }

    @Test
    void waivedChangesAndTheSoonestExpiryAreExportedPerMemberAndGoWithTheWaiver() {
        standardFleet();
        Map<String, dev.driftd.waiver.WaiverSummary> waived = new java.util.HashMap<>(
                Map.of("t1", new dev.driftd.waiver.WaiverSummary(2, T0.plusSeconds(3 * 86400))));
        metrics.waivedBy(fleet -> fleet.equals("tenants") ? Map.copyOf(waived) : Map.of());
        assertThat(metrics.scrape())
                .contains("# TYPE driftd_member_waived_changes gauge")
                .contains("driftd_member_waived_changes{fleet=\"tenants\",member=\"t1\"} 2.0")
                .contains("driftd_member_waived_changes{fleet=\"tenants\",member=\"t2\"} 0.0")
                .contains("driftd_waiver_expiry_timestamp_seconds{fleet=\"tenants\",member=\"t1\"} "
                        + TextExpositionTestSupport.value(T0.plusSeconds(3 * 86400).getEpochSecond()))
                .doesNotContain("driftd_waiver_expiry_timestamp_seconds{fleet=\"tenants\",member=\"t2\"}");
        waived.clear(); // expired: the next scrape has no expiry series and no waived change
        assertThat(metrics.scrape())
                .contains("driftd_member_waived_changes{fleet=\"tenants\",member=\"t1\"} 0.0")
                .doesNotContain("driftd_waiver_expiry_timestamp_seconds{fleet");
    }

    @Test
    void overlaysAreCountedPerMemberAtEachScrape() {
        standardFleet();
        Map<String, Integer> overlays = new java.util.HashMap<>(Map.of("t2", 2));
        metrics.overlaysBy((fleet, member) -> fleet.equals("tenants") ? overlays.getOrDefault(member, 0) : 0);
        assertThat(metrics.scrape())
                .contains("# TYPE driftd_member_overlays gauge")
                .contains("driftd_member_overlays{fleet=\"tenants\",member=\"t2\"} 2.0")
                .contains("driftd_member_overlays{fleet=\"tenants\",member=\"t1\"} 0.0");
        overlays.clear(); // a reload removed the overlay
        assertThat(metrics.scrape()).contains("driftd_member_overlays{fleet=\"tenants\",member=\"t2\"} 0.0");
    }

    @Test
    void eachMemberWithAKnownServerHasOneServerInfoSeries() {
        standardFleet();
        MemberStatus pg = member("tenants", "t1", MemberState.IN_SYNC, "g1", Map.of());
        MemberStatus maria = member("tenants", "t2", MemberState.DRIFTED, "v2", Map.of(Severity.BREAKING, 1));
        fleets.fleets.set(0, tenants(
                new MemberStatus(pg.fleet(), pg.member(), pg.state(), pg.fingerprint(), pg.lastSnapshot(),
                        pg.driftSince(), pg.changes(), null, null, "16.10"),
                new MemberStatus(maria.fleet(), maria.member(), maria.state(), maria.fingerprint(), maria.lastSnapshot(),
                        maria.driftSince(), maria.changes(), null, null, "10.11.19-MariaDB-0+deb12u1"),
                member("tenants", "t5", MemberState.PENDING, null, Map.of())));
        assertThat(metrics.scrape())
                .contains("# TYPE driftd_member_server_info gauge")
                .contains("driftd_member_server_info{fleet=\"tenants\",member=\"t1\",version=\"16.10\",major=\"16\"} 1.0")
                .contains("driftd_member_server_info{fleet=\"tenants\",member=\"t2\","
                        + "version=\"10.11.19-MariaDB-0+deb12u1\",major=\"10\"} 1.0")
                .doesNotContain("driftd_member_server_info{fleet=\"tenants\",member=\"t5\"");

        // an upgrade: the series moves to the new version, the old one is gone
        fleets.fleets.set(0, tenants(new MemberStatus(pg.fleet(), pg.member(), pg.state(), pg.fingerprint(),
                pg.lastSnapshot(), pg.driftSince(), pg.changes(), null, null, "17.6")));
        assertThat(metrics.scrape())
                .contains("driftd_member_server_info{fleet=\"tenants\",member=\"t1\",version=\"17.6\",major=\"17\"} 1.0")
                .doesNotContain("version=\"16.10\"");
    }

    @Test
    void discoverySkipsAreCountedPerFleetAndReason() {
        standardFleet();
        metrics.discoverySkipped("tenants", "control-character");
        metrics.discoverySkipped("tenants", "control-character");
        metrics.discoverySkipped("tenants", "name-taken");
        assertThat(metrics.scrape())
                .contains("# TYPE driftd_discovery_skipped_total counter")
                .contains("driftd_discovery_skipped_total{fleet=\"tenants\",reason=\"control-character\"} 2.0")
                .contains("driftd_discovery_skipped_total{fleet=\"tenants\",reason=\"name-taken\"} 1.0");
    }

    @Test
    void rolloutMembersComeFromTheRolloutsForEveryState() {
        standardFleet();
        FleetMetrics withRollout = new FleetMetrics(PrometheusRegistries.create(), fleets::fleets,
                (fleet, state) -> fleet.equals("tenants") ? Map.of("applied", 12, "failed", 1, "skipped", 7)
                        .getOrDefault(state, 0) : 0);
        assertThat(withRollout.scrape())
                .contains("driftd_rollout_members{fleet=\"tenants\",state=\"applied\"} 12.0")
                .contains("driftd_rollout_members{fleet=\"tenants\",state=\"failed\"} 1.0")
                .contains("driftd_rollout_members{fleet=\"tenants\",state=\"skipped\"} 7.0")
                .contains("driftd_rollout_members{fleet=\"tenants\",state=\"waiting\"} 0.0")
                .contains("driftd_rollout_members{fleet=\"tenants\",state=\"applying\"} 0.0");
    }

    @Test
    void everyNameHasHelpAndStateIsExported() {
        standardFleet();
        String text = metrics.scrape();
        for (String name : NAMES) {
            assertThat(text).as(name).containsPattern("(?m)^# HELP " + name + " \\S");
        }
        assertThat(text)
                .contains("driftd_member_drift{fleet=\"tenants\",member=\"t1\"} 0.0")
                .contains("driftd_member_drift{fleet=\"tenants\",member=\"t2\"} 1.0")
                .contains("driftd_member_drift{fleet=\"tenants\",member=\"t4\"} NaN")
                .contains("driftd_member_up{fleet=\"tenants\",member=\"t4\"} 0.0")
                .contains("driftd_member_up{fleet=\"tenants\",member=\"t3\"} 1.0")
                .contains("driftd_member_drift_changes{fleet=\"tenants\",member=\"t2\",severity=\"breaking\"} 1.0")
                .contains("driftd_member_drift_changes{fleet=\"tenants\",member=\"t2\",severity=\"additive\"} 2.0")
                .contains("driftd_member_drift_changes{fleet=\"tenants\",member=\"t1\",severity=\"cosmetic\"} 0.0")
                .contains("driftd_fleet_members{fleet=\"tenants\",state=\"in_sync\"} 1.0")
                .contains("driftd_fleet_members{fleet=\"tenants\",state=\"drifted\"} 2.0")
                .contains("driftd_fleet_members{fleet=\"tenants\",state=\"unreachable\"} 1.0")
                .contains("driftd_fleet_variants{fleet=\"tenants\"} 2.0")
                .contains("driftd_rollout_members{fleet=\"tenants\",state=\"applying\"} 0.0");
        // Unix seconds of T0 and of the drift start an hour earlier.
        assertThat(text).containsPattern("driftd_member_last_snapshot_timestamp_seconds\\{fleet=\"tenants\",member=\"t1\"} 1\\.7956692E9")
                .containsPattern("driftd_member_drift_since_timestamp_seconds\\{fleet=\"tenants\",member=\"t2\"} 1\\.7956656E9")
                .contains("driftd_member_drift_since_timestamp_seconds{fleet=\"tenants\",member=\"t1\"} NaN");
        // Counters exist at zero before the first event, for every member and every known reason.
        for (String m : List.of("t1", "t2", "t3", "t4", "t5")) {
            assertThat(text).contains("driftd_ddl_events_total{fleet=\"tenants\",member=\"" + m + "\"} 0.0");
            for (String reason : FleetMetrics.ERROR_REASONS) {
                assertThat(text).contains("driftd_snapshot_errors_total{fleet=\"tenants\",member=\"" + m
                        + "\",reason=\"" + reason + "\"} 0.0");
            }
        }
        assertThat(text).contains("driftd_snapshot_duration_seconds_count{fleet=\"tenants\"} 0")
                .contains("driftd_sweep_duration_seconds_count{fleet=\"tenants\"} 0");
    }

    @Test
    void eventsFeedCountersAndHistograms() {
        standardFleet();
        metrics.refresh();
        metrics.snapshotTaken("tenants", "t1", Duration.ofMillis(40));
        metrics.snapshotFailed("tenants", "t4", "connect", Duration.ofMillis(3));
        metrics.snapshotFailed("tenants", "t4", "connect", Duration.ofMillis(3));
        metrics.snapshotFailed("tenants", "t4", "tls", Duration.ofMillis(3));
        metrics.ddlReported("tenants", "t2");
        metrics.sweepFinished(new SweepResult("tenants", T0, T0, 5, 1, 2, 1, null, 0), Duration.ofSeconds(2));
        String text = metrics.scrape();
        assertThat(text)
                .contains("driftd_snapshot_errors_total{fleet=\"tenants\",member=\"t4\",reason=\"connect\"} 2.0")
                .contains("driftd_snapshot_errors_total{fleet=\"tenants\",member=\"t4\",reason=\"tls\"} 1.0")
                .contains("driftd_ddl_events_total{fleet=\"tenants\",member=\"t2\"} 1.0")
                .contains("driftd_snapshot_duration_seconds_count{fleet=\"tenants\"} 4")
                .contains("driftd_snapshot_duration_seconds_bucket{fleet=\"tenants\",le=\"0.05\"} 4")
                .contains("driftd_snapshot_duration_seconds_bucket{fleet=\"tenants\",le=\"0.025\"} 3")
                .contains("driftd_sweep_duration_seconds_count{fleet=\"tenants\"} 1")
                .contains("driftd_sweep_duration_seconds_bucket{fleet=\"tenants\",le=\"1.0\"} 0")
                .contains("driftd_sweep_duration_seconds_bucket{fleet=\"tenants\",le=\"2.5\"} 1");
    }

    @Test
    void removedMembersAndFleetsLoseTheirSeries() {
        standardFleet();
        metrics.refresh();
        metrics.memberRemoved("tenants", "t3");
        assertThat(metrics.exposition()).doesNotContain("member=\"t3\"").contains("member=\"t2\"");

        // A member gone from the service's state (config reload, dropped database) goes too.
        fleets.fleets.clear();
        fleets.fleets.add(tenants(member("tenants", "t1", MemberState.IN_SYNC, "g1", Map.of())));
        assertThat(metrics.scrape()).doesNotContain("member=\"t2\"").contains("member=\"t1\"");

        fleets.fleets.clear();
        assertThat(metrics.scrape()).doesNotContain("fleet=\"tenants\"");
    }

    @Test
    void buildInfoNamesTheBuildAsTheVersionCommandDoes() {
        BuildInfo build = BuildInfo.current();
        // Built by Maven from a git checkout: both placeholders of build-info.properties were filled in.
        assertThat(build.version()).doesNotContain("${").isNotEqualTo(BuildInfo.UNKNOWN).contains(".");
        assertThat(build.revision()).matches("[0-9a-f]{40}(-dirty)?");
        assertThat(build.java()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(metrics.scrape())
                .containsPattern("(?m)^# HELP driftd_build_info \\S")
                .contains("# TYPE driftd_build_info gauge")
                .contains("driftd_build_info{java=\"" + build.java() + "\",revision=\"" + build.revision()
                        + "\",version=\"" + build.version() + "\"} 1\n");
    }

    @Test
    void everyDriftdSampleNameIsInTheContractList() throws IOException {
        // dashboards/metrics.txt: the names dashboards and rules may rely on (.ci/checks/metrics.sh)
        Path contract = Path.of("..", "dashboards", "metrics.txt");
        List<String> listed = Files.readAllLines(contract).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        standardFleet();
        metrics.waivedBy(fleet -> Map.of("t1", new dev.driftd.waiver.WaiverSummary(1, T0.plusSeconds(86400))));
        metrics.snapshotFailed("tenants", "t4", "timeout", Duration.ofSeconds(1));
        metrics.discoverySkipped("tenants", "name-taken");
        List<String> exported = metrics.scrape().lines().filter(l -> l.startsWith("driftd_"))
                .map(l -> l.replaceFirst("[{ ].*", "")).distinct()
                // Micrometer's <histogram>_max gauges sit beside the listed _bucket/_count/_sum
                .filter(n -> !(n.endsWith("_max") && listed.contains(n.replaceFirst("_max$", "_bucket"))))
                .toList();
        assertThat(exported).contains("driftd_build_info", "driftd_fleet_schedule_period_seconds");
        assertThat(listed).containsAll(exported);
    }

    @Test
    void scheduleGaugesFollowTheFleetsCron() {
        // 05:02:10 UTC: an every-5-minutes cron fires next at 05:05:00, then every 300 s.
        Instant now = T0.plusSeconds(130);
        FleetMetrics m = new FleetMetrics(registry, fleets::fleets, RolloutCounts.NONE,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        standardFleet();
        fleets.fleets.add(new FleetStatus("reports", "0 0 * * * ?", "g1", null, T0, T0, List.of()));
        String text = m.scrape();
        assertThat(text)
                .contains("driftd_fleet_schedule_period_seconds{fleet=\"tenants\"} 300.0")
                .contains("driftd_fleet_schedule_next_timestamp_seconds{fleet=\"tenants\"} "
                        + TextExpositionTestSupport.value(T0.plusSeconds(300).getEpochSecond()))
                .contains("driftd_fleet_schedule_period_seconds{fleet=\"reports\"} 3600.0")
                .containsPattern("(?m)^# HELP driftd_fleet_schedule_next_timestamp_seconds \\S")
                .containsPattern("(?m)^# HELP driftd_fleet_schedule_period_seconds \\S");

        // A fleet whose schedule is not a cron Quartz reads exports NaN rather than a made-up period.
        fleets.fleets.add(new FleetStatus("odd", "not a cron", "g1", null, T0, T0, List.of()));
        assertThat(m.scrape()).contains("driftd_fleet_schedule_period_seconds{fleet=\"odd\"} NaN")
                .contains("driftd_fleet_schedule_next_timestamp_seconds{fleet=\"odd\"} NaN");
        fleets.fleets.removeIf(f -> f.name().equals("odd"));

        // A schedule change (reload) is picked up at the next scrape.
        fleets.fleets.removeIf(f -> f.name().equals("reports"));
        fleets.fleets.add(new FleetStatus("reports", "0 */10 * * * ?", "g1", null, T0, T0, List.of()));
        assertThat(m.scrape()).contains("driftd_fleet_schedule_period_seconds{fleet=\"reports\"} 600.0")
                .contains("driftd_fleet_schedule_next_timestamp_seconds{fleet=\"reports\"} "
                        + TextExpositionTestSupport.value(T0.plusSeconds(600).getEpochSecond()));
    }

    @Test
    void openMetricsNamesCounterFamiliesWithoutTotalAndEndsWithEof() {
        standardFleet();
        metrics.snapshotFailed("tenants", "t4", "timeout", Duration.ofSeconds(1));
        String om = metrics.scrape(ExpositionFormat.OPENMETRICS);
        assertThat(om).endsWith("# EOF\n");
        assertThat(om.indexOf("# EOF")).isEqualTo(om.length() - "# EOF\n".length());
        assertThat(om)
                .contains("# TYPE driftd_snapshot_errors counter")
                .contains("driftd_snapshot_errors_total{fleet=\"tenants\",member=\"t4\",reason=\"timeout\"} 1.0")
                .contains("# TYPE driftd_ddl_events counter")
                .contains("driftd_ddl_events_total{fleet=\"tenants\",member=\"t1\"} 0.0")
                // Micrometer exports a *_info gauge as an OpenMetrics info family
                .contains("# TYPE driftd_build info")
                .containsPattern("(?m)^driftd_build_info\\{java=.*} 1$")
                .contains("driftd_fleet_members{fleet=\"tenants\",state=\"drifted\"} 2.0")
                .doesNotContain("# TYPE driftd_snapshot_errors_total")
                // exemplars off: OpenMetrics writes them after " # " on a sample line
                .doesNotContainPattern("(?m)^[a-z_]+(\\{[^}]*})? \\S+ # ");
        // every family is declared once
        List<String> types = om.lines().filter(l -> l.startsWith("# TYPE ")).toList();
        assertThat(types).doesNotHaveDuplicates();
        // the plain text format is unchanged
        assertThat(metrics.scrape()).contains("# TYPE driftd_snapshot_errors_total counter").doesNotContain("# EOF");
    }

    @Test
    void acceptHeaderChoosesTheFormat() {
        // Prometheus 2.x's default scrape Accept header
        assertThat(ExpositionFormat.negotiate("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")).isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.negotiate(null)).isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate("*/*")).isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate("text/plain;version=0.0.4")).isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate("text/plain;q=1, application/openmetrics-text;q=0.5"))
                .isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate("application/openmetrics-text;q=0")).isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate("Application/OpenMetrics-Text; version=1.0.0"))
                .isEqualTo(ExpositionFormat.OPENMETRICS);
    }

    @Test
    void promtoolAcceptsTheScrapeWithJvmMeters() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool not installed (apt-get install prometheus provides it)");
        try (AutoCloseable jvm = PrometheusRegistries.bindJvmMeters(registry)) {
            standardFleet();
            metrics.snapshotFailed("tenants", "t4", "timeout", Duration.ofSeconds(30));
            String text = metrics.scrape();
            // Micrometer's standard names, as the JVM dashboards for Micrometer applications query them
            assertThat(text).contains("jvm_memory_used_bytes").containsPattern("(?m)^system_cpu_count ")
                    .containsPattern("(?m)^process_cpu_time_ns_total ").doesNotContain("system_cpu_cores");
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Exit 3 is promtool's "lint problems"; only the two documented advisories may be among them,
            // and any parse error (exit 1) or other lint fails.
            assertThat(p.exitValue()).as(out).isIn(0, 3);
            assertThat(out.lines().filter(l -> !l.isBlank()).toList()).as(out).allSatisfy(line ->
                    assertThat(ACCEPTED_LINT.stream().anyMatch(line::startsWith)).as(line).isTrue());
        }
    }
}
