package dev.driftd.bench;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.policy.IgnorePolicy;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;

import java.io.StringWriter;

/**
 * What filtering a snapshot by ignore rules costs next to reading it: a 2,000-table PostgreSQL
 * schema, four rules (a preset, a table glob, an index glob, a comment field rule on every kind).
 * Prints medians of five runs. Not a test: run it from the test classpath, e.g.
 * {@code mvn -q -o -pl daemon test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp "$(cat daemon/cp.txt):daemon/target/classes:daemon/target/test-classes" dev.driftd.bench.IgnoreFilterBench 2000}.
 */
public final class IgnoreFilterBench {
    private IgnoreFilterBench() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        StringWriter sql = new StringWriter();
        PgBenchSchema.write(tables, sql);
        try (TestDatabase db = TestDatabases.postgres().createDatabase("i15_bench").execute(sql.toString())) {
            Engine engine = new Engine();
            long[] read = new long[5];
            long[] filter = new long[5];
            long[] print = new long[5];
            Snapshot s = null;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                s = engine.snapshot(db.target(), InspectOptions.DEFAULT);
                s.fingerprint();
                read[i] = System.nanoTime() - t0;
                IgnorePolicy p = IgnorePolicy.builder().add("preset:flyway", "b:1").add("table:t_1?", "b:2")
                        .add("index:*_c1*", "b:3").add("any", "*", "comment", null, "b:4").build();
                t0 = System.nanoTime();
                Snapshot f = p.apply(s);
                filter[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                f.fingerprint();
                print[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(read);
            java.util.Arrays.sort(filter);
            java.util.Arrays.sort(print);
            System.out.printf("%d tables, %d objects: read+fingerprint median %d ms; filter median %d ms, then"
                    + " fingerprint of the filtered snapshot median %d ms%n",
                    tables, s.byKey().size(), read[2] / 1_000_000, filter[2] / 1_000_000, print[2] / 1_000_000);
        }
    }
}
