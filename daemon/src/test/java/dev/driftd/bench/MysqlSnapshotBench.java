package dev.driftd.bench;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.Snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Warm-JVM timing of a MySQL-family snapshot, for bench/mysql-snapshot.sh (not a test): two
 * warm-up snapshots, then {@code runs} timed ones, each including the fingerprint and the canonical
 * JSON the CLI prints. Prints {@code median_ms=<n> objects=<n> fingerprint=<hex>}.
 * Usage: MysqlSnapshotBench JDBC_URL [runs]
 */
public final class MysqlSnapshotBench {
    private MysqlSnapshotBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Engine engine = new Engine();
        DbTarget target = DbTarget.of(url);
        for (int i = 0; i < 2; i++) {
            once(engine, target);
        }
        List<Long> times = new ArrayList<>();
        Snapshot last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = once(engine, target);
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        System.out.println("median_ms=" + times.get(times.size() / 2) + " all_ms=" + times + " objects="
                + last.byKey().size() + " fingerprint=" + last.fingerprint());
    }

    private static Snapshot once(Engine engine, DbTarget target) throws Exception {
        Snapshot s = engine.snapshot(target, InspectOptions.DEFAULT);
        s.fingerprint();
        Canonical.MAPPER.writeValueAsString(s);
        return s;
    }
}
