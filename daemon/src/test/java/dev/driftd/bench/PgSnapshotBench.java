package dev.driftd.bench;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Snapshot time inside a warm JVM, for bench/pg-snapshot.sh: {@code warmups} untimed snapshots,
 * then the median of {@code runs} timed ones (connect + every catalog query + model + fingerprint;
 * the fingerprint's share is printed too),
 * and the peak heap the JVM's memory pools saw. Prints one {@code key=value} line.
 */
public final class PgSnapshotBench {
    private PgSnapshotBench() {
    }

    public static void main(String[] args) throws java.sql.SQLException {
        String url = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Engine engine = new Engine();
        DbTarget target = DbTarget.of(url);
        InspectOptions options = new InspectOptions(Duration.ofSeconds(60));
        int objects = 0;
        String fingerprint = null;
        for (int i = 0; i < warmups; i++) {
            Snapshot s = engine.snapshot(target, options);
            objects = s.byKey().size();
            fingerprint = s.fingerprint();
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        List<Long> nanos = new ArrayList<>();
        List<Long> fingerprintNanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Snapshot s = engine.snapshot(target, options);
            long read = System.nanoTime();
            if (!s.fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("fingerprint changed between runs: the database is not quiet");
            }
            long end = System.nanoTime();
            nanos.add(end - start);
            fingerprintNanos.add(end - read);
        }
        Collections.sort(nanos);
        Collections.sort(fingerprintNanos);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("warm_ms=%.1f min_ms=%.1f fingerprint_ms=%.1f objects=%d peak_heap_mb=%.1f max_heap_mb=%d "
                        + "fingerprint=%s%n",
                nanos.get(nanos.size() / 2) / 1e6, nanos.get(0) / 1e6,
                fingerprintNanos.get(fingerprintNanos.size() / 2) / 1e6, objects, peakHeap / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576, fingerprint);
        System.out.println("query_ms " + dev.driftd.dialect.postgres.PgInspectTimings.of(target, options));
    }
}
