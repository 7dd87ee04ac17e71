package dev.driftd.e2e;

import dev.driftd.daemon.RunningDaemon;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.SchemaMarkers;
import dev.driftd.engine.Engine;
import dev.driftd.fleet.SweepResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (bench/tenant-schemas-bench.sh runs it; not a test). One PostgreSQL database holding N
 * tenant schemas {@code tenant_00000 …} (created by the script), swept by the real daemon as one
 * fleet discovered by schema, golden {@code tenant_00000}:
 * <ul>
 *   <li>the first sweep (cold JVM, every tenant read in full);</li>
 *   <li>the unchanged sweep (median of 3): one marker query for the database, no tenant read;</li>
 *   <li>the sweep after one tenant's DDL (median of 2: a column added, then dropped): that tenant read;</li>
 *   <li>a full sweep in the warm JVM ({@code full_snapshot_every: 0s});</li>
 *   <li>the marker query alone: the per-schema statement, and the database-wide check that stands
 *   for it when nothing changed (median of 3 each);</li>
 *   <li>the daemon's heap (used after a GC, and the peak of the heap pools) and RSS after ten sweeps.</li>
 * </ul>
 * Prints one {@code result ...} line per measurement. Arguments: database URL, N, concurrency.
 */
public final class TenantSchemasBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("driftd-tenant-bench-");
        String regex = "tenant_[0-9]{5}";
        Files.writeString(dir.resolve("driftd.yaml"), "store:\n  url: \"jdbc:h2:file:" + dir.resolve("store/driftd")
                + "\"\nfleets:\n" + fleet("steady", "24h", url, regex, concurrency)
                + fleet("full", "0s", url, regex, concurrency));
        resetPeaks();
        int sweeps = 0;
        try (RunningDaemon d = RunningDaemon.start(dir.resolve("driftd.yaml"), new InetSocketAddress("127.0.0.1", 0))) {
            SweepResult first = sweep(d, "steady", n, -1);
            sweeps++;
            System.out.printf(Locale.ROOT, "result sweep-first %.3f in_sync=%d drifted=%d%n", secs(first),
                    first.inSync(), first.drifted());
            double[] unchanged = new double[3];
            for (int i = 0; i < unchanged.length; i++) {
                unchanged[i] = secs(sweep(d, "steady", n, n));
                sweeps++;
            }
            System.out.printf(Locale.ROOT, "result sweep-unchanged %.3f runs=%s%n", median(unchanged),
                    Arrays.toString(unchanged));
            String[] ddl = {"ALTER TABLE tenant_00001.t01 ADD COLUMN bench_note text",
                    "ALTER TABLE tenant_00001.t01 DROP COLUMN bench_note"};
            double[] oneChanged = new double[ddl.length];
            for (int i = 0; i < ddl.length; i++) {
                execute(url, ddl[i]);
                oneChanged[i] = secs(sweep(d, "steady", n, n - 1));
                sweeps++;
            }
            System.out.printf(Locale.ROOT, "result sweep-one-changed %.3f runs=%s%n", median(oneChanged),
                    Arrays.toString(oneChanged));
            while (sweeps < 10) {
                sweep(d, "steady", n, n);
                sweeps++;
            }
            System.gc();
            System.out.printf(Locale.ROOT, "result heap-after-gc-mb %d%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            System.out.printf(Locale.ROOT, "result heap-peak-mb %d%n", peakHeap() >> 20);
            System.out.printf(Locale.ROOT, "result rss-mb %d%n", rssKb() >> 10);
            System.out.printf(Locale.ROOT, "result sweeps %d%n", sweeps);
            SweepResult full = sweep(d, "full", n, 0);
            System.out.printf(Locale.ROOT, "result sweep-full-warm %.3f%n", secs(full));
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Engine engine = new Engine();
        DbTarget db = DbTarget.of(url);
        double[] perSchema = new double[3];
        double[] carried = new double[3];
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            SchemaMarkers m = engine.schemaMarkers(db, InspectOptions.DEFAULT, null).orElseThrow();
            perSchema[i] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            SchemaMarkers again = engine.schemaMarkers(db, InspectOptions.DEFAULT, m).orElseThrow();
            carried[i] = (System.nanoTime() - t0) / 1e9;
            if (!again.carriedOver()) {
                throw new IllegalStateException("the catalogs changed during the benchmark");
            }
        }
        System.out.printf(Locale.ROOT, "result marker-per-schema %.3f runs=%s%n", median(perSchema),
                Arrays.toString(perSchema));
        System.out.printf(Locale.ROOT, "result marker-unchanged %.3f runs=%s%n", median(carried),
                Arrays.toString(carried));
    }

    private static String fleet(String name, String fullEvery, String url, String regex, int c) {
        return """
                  - name: %s
                    schedule: "0 0 0 1 1 ? 2099"
                    golden: {member: tenant_00000}
                    concurrency: %d
                    per_server_concurrency: %d
                    full_snapshot_every: %s
                    timeout: 300s
                    discover:
                      - {url: "%s", schemas: "%s"}
                """.formatted(name, c, c, fullEvery, url, regex);
    }

    /** A sweep that lost members or reused another count than expected measures something else: stop loudly. */
    private static SweepResult sweep(RunningDaemon d, String fleet, int n, int reused) throws Exception {
        SweepResult r = d.fleets().sweepNow(fleet).get(60, TimeUnit.MINUTES);
        if (r.members() != n || r.unreachable() != 0 || r.goldenError() != null
                || (reused >= 0 && r.reused() != reused)) {
            throw new IllegalStateException("sweep of " + r.fleet() + " is not a clean measurement: members="
                    + r.members() + " of " + n + ", unreachable=" + r.unreachable() + ", reused=" + r.reused()
                    + " (expected " + reused + "), golden error=" + r.goldenError());
        }
        return r;
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static double secs(SweepResult r) {
        return java.time.Duration.between(r.started(), r.finished()).toNanos() / 1e9;
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

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
