package dev.driftd.e2e;

import dev.driftd.fleet.SweepResult;
import dev.driftd.http.RunningDaemon;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (bench/sweep-bench.sh runs it; not a test): the real daemon sweeping fleets of 50,
 * 100, 250 and 500 PostgreSQL databases that bench/sweep-bench.sh created as
 * {@code <prefix>_0000 ...}. Each fleet is swept twice; the second (warm) sweep is reported, with
 * members per second.
 *
 * <p>Arguments: server URL ({@code jdbc:postgresql://127.0.0.1:5432}), user, prefix, golden database,
 * concurrency, and optionally the fleets to run ({@code n50,n500}).
 */
public final class SweepBench {
    public static void main(String[] args) throws Exception {
        String server = args[0];
        String user = args[1];
        String prefix = args[2];
        String golden = args[3];
        int concurrency = Integer.parseInt(args[4]);
        // regexes over 4-digit suffixes picking the first 50, 100, 250 and 500 databases
        List<String[]> fleets = List.of(
                new String[]{"n50", prefix + "_00[0-4][0-9]"},
                new String[]{"n100", prefix + "_00[0-9][0-9]"},
                new String[]{"n250", prefix + "_0(0[0-9][0-9]|1[0-9][0-9]|2[0-4][0-9])"},
                new String[]{"n500", prefix + "_0[0-4][0-9][0-9]"}).stream()
                .filter(f -> args.length < 6 || List.of(args[5].split(",")).contains(f[0])).toList();
        Path dir = Files.createTempDirectory("driftd-sweep-bench-");
        StringBuilder yaml = new StringBuilder("""
                store:
                  url: "jdbc:h2:file:%s"
                fleets:
                """.formatted(dir.resolve("store/driftd")));
        for (String[] f : fleets) {
            yaml.append("""
                      - name: %s
                        schedule: "0 0 0 1 1 ? 2099"
                        golden: {url: "%s/%s?user=%s"}
                        concurrency: %d
                        per_server_concurrency: %d
                        timeout: 30s
                        discover:
                          - {url: "%s/postgres?user=%s", databases: "%s"}
                    """.formatted(f[0], server, golden, user, concurrency, concurrency, server, user, f[1]));
        }
        Files.writeString(dir.resolve("driftd.yaml"), yaml);
        try (RunningDaemon d = RunningDaemon.start(dir.resolve("driftd.yaml"), new InetSocketAddress("127.0.0.1", 0))) {
            for (String[] f : fleets) {
                SweepResult cold = d.fleets().sweepNow(f[0]).get(10, TimeUnit.MINUTES);
                SweepResult warm = d.fleets().sweepNow(f[0]).get(10, TimeUnit.MINUTES);
                Duration c = Duration.between(cold.started(), cold.finished());
                Duration w = Duration.between(warm.started(), warm.finished());
                System.out.printf("sweep %-5s members=%d in_sync=%d drifted=%d unreachable=%d first=%.2f s second=%.2f s "
                                + "(%.0f members/s, %d not read again)%n", f[0], warm.members(), warm.inSync(), warm.drifted(),
                        warm.unreachable(), c.toMillis() / 1000.0, w.toMillis() / 1000.0,
                        warm.members() / (w.toMillis() / 1000.0), warm.reused());
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after sweeps: %d MB of max %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
                    rt.maxMemory() >> 20);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
