package dev.driftd.metrics;

import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (run by bench/metrics-bench.sh, not a test): time of a /metrics scrape body for a
 * synthetic fleet of N members (default 5,000; 2 % drifted, 1 % unreachable), JVM meters on.
 * Prints the median and worst wall time of 50 scrapes after 20 warm-up scrapes, the median CPU
 * time of the scraping thread (what the number is on a loaded machine), and the body size.
 */
public final class ScrapeBench {
    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        InMemoryFleets fleets = new InMemoryFleets();
        Instant now = Instant.now();
        List<MemberStatus> list = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            MemberState state = i % 100 == 0 ? MemberState.UNREACHABLE : i % 50 == 1 ? MemberState.DRIFTED : MemberState.IN_SYNC;
            list.add(new MemberStatus("tenants", String.format("tenant_%05d", i), state,
                    state == MemberState.DRIFTED ? "fp-drift-" + (i % 3) : "fp-golden", now,
                    state == MemberState.DRIFTED ? now.minusSeconds(600) : null,
                    state == MemberState.DRIFTED ? Map.of(Severity.ADDITIVE, 1) : Map.of(),
                    state == MemberState.UNREACHABLE ? "timeout" : null, null));
        }
        fleets.fleets.add(new FleetStatus("tenants", "0 */5 * * * ?", "fp-golden", null, now, now, list));
        PrometheusMeterRegistry registry = PrometheusRegistries.create();
        try (AutoCloseable jvm = PrometheusRegistries.bindJvmMeters(registry)) {
            FleetMetrics metrics = new FleetMetrics(registry, fleets::fleets, RolloutCounts.NONE);
            for (int i = 0; i < members; i++) {
                metrics.snapshotTaken("tenants", list.get(i).member(), Duration.ofMillis(20 + i % 50));
            }
            int size = 0;
            for (int i = 0; i < 20; i++) {
                size = metrics.scrape().length();
            }
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] ms = new long[50];
            long[] cpu = new long[50];
            for (int i = 0; i < ms.length; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                size = metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                ms[i] = (System.nanoTime() - t) / 1000;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1000;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            long series = metrics.scrape().lines().filter(l -> !l.startsWith("#")).count();
            System.out.printf("members=%d series=%d body=%d bytes scrape (refresh + text + UTF-8 bytes): "
                            + "median %.1f ms, max %.1f ms wall; median %.1f ms CPU of the scraping thread%n",
                    members, series, size, ms[ms.length / 2] / 1000.0, ms[ms.length - 1] / 1000.0,
                    cpu[cpu.length / 2] / 1000.0);
        }
    }
}
