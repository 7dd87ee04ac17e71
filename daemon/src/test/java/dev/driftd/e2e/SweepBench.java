package dev.driftd.e2e;

import dev.driftd.daemon.RunningDaemon;
import dev.driftd.fleet.SweepResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Benchmark (bench/sweep-bench.sh runs it; not a test). For N member databases of one server
 * ({@code <prefix>_0000 ...}, golden {@code <prefix>_golden}, created by the script), measures in
 * this one run and at the same concurrency:
 * <ul>
 *   <li>the connection floor: connect to each member with the JDBC driver and run one trivial
 *   catalog query, C at a time (after a warm-up over the first 20; measured twice, before and after
 *   the sweeps, and the faster is the floor);</li>
 *   <li>the real daemon's first sweep (cold JVM, every member read in full), its unchanged sweep
 *   (every member's catalog marker unchanged; median of 3), and a full sweep in the warm JVM
 *   ({@code full_snapshot_every: 0s}, median of 2);</li>
 *   <li>the peer dump ({@code pg_dump -s} / {@code mysqldump --no-data}) of every member, C
 *   processes at a time.</li>
 * </ul>
 * Prints one {@code result ...} line per phase and the peak heap the JVM's heap pools reached
 * during the sweeps.
 *
 * <p>Arguments: {@code postgres|mysql}, server URL without database
 * ({@code jdbc:postgresql://127.0.0.1:5432}), user, prefix, N, concurrency.
 */
public final class SweepBench {
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String server = args[1];
        String user = args[2];
        String prefix = args[3];
        int n = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        boolean pg = kind.equals("postgres");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(String.format(Locale.ROOT, "%s_%04d", prefix, i));
        }
        String sep = server.contains("?") ? "&" : "?";
        Function<String, String> url = db -> server + "/" + db + sep + "user=" + user;

        // the driver's classes loaded and compiled first, as they are in the daemon by its second sweep
        floor(members.subList(0, Math.min(n, 20)), url, pg, concurrency);
        double floor1 = floor(members, url, pg, concurrency);
        System.out.printf(Locale.ROOT, "result %s floor-before %.3f%n", kind, floor1);

        Path dir = Files.createTempDirectory("driftd-sweep-bench-");
        String discoverUrl = url.apply(pg ? "postgres" : "information_schema");
        String regex = prefix + "_[0-9]{4}";
        String fleets = fleet("steady", "24h", url.apply(prefix + "_golden"), discoverUrl, regex, concurrency)
                + fleet("full", "0s", url.apply(prefix + "_golden"), discoverUrl, regex, concurrency);
        Files.writeString(dir.resolve("driftd.yaml"), "store:\n  url: \"jdbc:h2:file:" + dir.resolve("store/driftd")
                + "\"\nfleets:\n" + fleets);
        resetPeaks();
        try (RunningDaemon d = RunningDaemon.start(dir.resolve("driftd.yaml"), new InetSocketAddress("127.0.0.1", 0))) {
            SweepResult first = sweep(d, "steady");
            check(first, n, 0);
            System.out.printf(Locale.ROOT, "result %s sweep-first %.3f in_sync=%d drifted=%d%n", kind, secs(first),
                    first.inSync(), first.drifted());
            double[] unchanged = new double[3];
            for (int i = 0; i < unchanged.length; i++) {
                SweepResult r = sweep(d, "steady");
                check(r, n, n + 1);
                unchanged[i] = secs(r);
            }
            System.out.printf(Locale.ROOT, "result %s sweep-unchanged %.3f runs=%s%n", kind, median(unchanged),
                    Arrays.toString(unchanged));
            double[] full = new double[2];
            for (int i = 0; i < full.length; i++) {
                SweepResult r = sweep(d, "full");
                check(r, n, 0);
                full[i] = secs(r);
            }
            System.out.printf(Locale.ROOT, "result %s sweep-full-warm %.3f runs=%s%n", kind, median(full),
                    Arrays.toString(full));
            System.out.printf(Locale.ROOT, "result %s heap-peak-mb %d%n", kind, peakHeap() >> 20);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        double floor2 = floor(members, url, pg, concurrency);
        System.out.printf(Locale.ROOT, "result %s floor-after %.3f%n", kind, floor2);
        System.out.printf(Locale.ROOT, "result %s floor %.3f%n", kind, Math.min(floor1, floor2));
    }

    private static String fleet(String name, String fullEvery, String golden, String discover, String regex, int c) {
        return """
                  - name: %s
                    schedule: "0 0 0 1 1 ? 2099"
                    golden: {url: "%s"}
                    concurrency: %d
                    per_server_concurrency: %d
                    full_snapshot_every: %s
                    timeout: 60s
                    discover:
                      - {url: "%s", databases: "%s"}
                """.formatted(name, golden, c, c, fullEvery, discover, regex);
    }

    private static SweepResult sweep(RunningDaemon d, String fleet) throws Exception {
        return d.fleets().sweepNow(fleet).get(30, TimeUnit.MINUTES);
    }

    /** A sweep that lost members (unreachable, wrong count) measures nothing: stop loudly. */
    private static void check(SweepResult r, int n, int reused) {
        // the golden member is discovered too when its name matches; the regex excludes it
        if (r.members() != n || r.unreachable() != 0 || r.goldenError() != null
                || (reused > 0 && r.reused() < n)) {
            throw new IllegalStateException("sweep of " + r.fleet() + " is not a clean measurement: members="
                    + r.members() + " of " + n + ", unreachable=" + r.unreachable() + ", reused=" + r.reused()
                    + ", golden error=" + r.goldenError());
        }
    }

    private static double secs(SweepResult r) {
        return java.time.Duration.between(r.started(), r.finished()).toNanos() / 1e9;
    }

    /** Connect to every member, C at a time, and run one trivial catalog query on each. */
    private static double floor(List<String> members, Function<String, String> url, boolean pg, int concurrency)
            throws Exception {
        String query = pg ? "SELECT count(*) FROM pg_catalog.pg_namespace"
                : "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()";
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (String m : members) {
                done.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url.apply(m));
                         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                        if (!rs.next() || rs.getLong(1) < 1) {
                            throw new IllegalStateException("no catalog row in " + m);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
