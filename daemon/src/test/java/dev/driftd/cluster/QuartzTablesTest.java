package dev.driftd.cluster;

import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QuartzTablesTest {
    @Test
    void theShippedScriptBecomesIdempotentCreatesOnly() {
        List<String> sql = QuartzTables.statements();
        assertThat(sql).isNotEmpty().allSatisfy(s -> assertThat(s).matches("(?s)CREATE (TABLE|INDEX) IF NOT EXISTS .*"));
        assertThat(sql).noneMatch(s -> s.toUpperCase().contains("DROP") || s.toUpperCase().contains("COMMIT"));
        assertThat(sql.stream().filter(s -> s.startsWith("CREATE TABLE")).count()).isEqualTo(11);
    }

    @Test
    void nodesStartingAtOnceCreateTheTablesOnceAndNeverDropWhatIsThere() throws Exception {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drqrtz")) {
            try (Connection c = db.connect()) {
                QuartzTables.ensure(c);
            }
            db.execute("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('driftd', 'TRIGGER_ACCESS')");
            int nodes = 6;
            CyclicBarrier together = new CyclicBarrier(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    runs.add(pool.submit(() -> {
                        try (Connection c = db.connect()) {
                            together.await(10, TimeUnit.SECONDS);
                            QuartzTables.ensure(c);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : runs) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM qrtz_locks")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("rows of a running cluster survive").isEqualTo(1);
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'qrtz\\_%'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(11);
                }
            }
        }
    }
}
