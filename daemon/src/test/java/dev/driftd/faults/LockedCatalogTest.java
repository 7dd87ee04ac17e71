package dev.driftd.faults;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member whose table is locked by someone else: the snapshot either reads the catalog without
 * waiting or gives up at its timeout, and application DDL queued behind the lock is never held up
 * by driftd once the lock holder lets go.
 */
class LockedCatalogTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final Engine engine = new Engine();

    private record Outcome(long millis, Snapshot snapshot, RuntimeException error) {
    }

    private CompletableFuture<Outcome> snapshotLater(TestDatabase db) {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            try {
                Snapshot s = engine.snapshot(db.target(), new InspectOptions(TIMEOUT));
                return new Outcome((System.nanoTime() - t0) / 1_000_000, s, null);
            } catch (RuntimeException e) {
                return new Outcome((System.nanoTime() - t0) / 1_000_000, null, e);
            }
        });
    }

    /** Runs DDL on its own connection; completes with the milliseconds it took. */
    private static CompletableFuture<Long> ddlLater(TestDatabase db, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(sql);
                return (System.nanoTime() - t0) / 1_000_000;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private static void assertBounded(Outcome o) {
        // done within its timeout (plus connection set-up on a busy machine), one way or the other
        assertThat(o.millis()).as("snapshot took %d ms (error: %s)", o.millis(), o.error())
                .isLessThan(TIMEOUT.toMillis() + 3_000);
        if (o.error() != null) {
            assertThat(o.error().getMessage()).containsAnyOf("timeout", "lock", "canceling", "Lock wait");
        }
    }

    @Test
    void postgresAccessExclusiveLockNeitherHangsTheSnapshotNorQueuesDdlBehindIt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres().createDatabase("drlock_pg");
             Connection holder = db.connect()) {
            db.execute("CREATE TABLE t (id int PRIMARY KEY, v text)", "CREATE INDEX t_v ON t (v)",
                    "CREATE VIEW tv AS SELECT id FROM t");
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Outcome> snap = snapshotLater(db);
            Thread.sleep(300);
            CompletableFuture<Long> alter = ddlLater(db, "ALTER TABLE t ADD COLUMN w int");
            Outcome o = snap.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            assertBounded(o);
            // the ALTER still waits: for the holder only
            assertThat(alter).isNotDone();
            long released = System.nanoTime();
            holder.commit();
            alter.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            long afterRelease = (System.nanoTime() - released) / 1_000_000;
            assertThat(afterRelease).as("ALTER finished %d ms after the holder committed", afterRelease)
                    .isLessThan(TIMEOUT.toMillis());
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'driftd' "
                         + "AND datname = current_database()")) {
                rs.next();
                assertThat(rs.getInt(1)).as("driftd sessions left on the member").isZero();
            }
        }
    }

    @Test
    void mariadbLockTablesWriteNeitherHangsTheSnapshotNorQueuesDdlBehindIt() throws Exception {
        try (TestDatabase db = TestDatabases.mysql().createDatabase("drlock_my");
             Connection holder = db.connect()) {
            db.execute("CREATE TABLE t (id int PRIMARY KEY, v varchar(20), KEY t_v (v))",
                    "CREATE VIEW tv AS SELECT id FROM t");
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLES t WRITE");
            }
            CompletableFuture<Outcome> snap = snapshotLater(db);
            Thread.sleep(300);
            CompletableFuture<Long> alter = ddlLater(db, "ALTER TABLE t ADD COLUMN w int");
            Outcome o = snap.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            assertBounded(o);
            assertThat(alter).isNotDone();
            long released = System.nanoTime();
            try (Statement s = holder.createStatement()) {
                s.execute("UNLOCK TABLES");
            }
            alter.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            long afterRelease = (System.nanoTime() - released) / 1_000_000;
            assertThat(afterRelease).as("ALTER finished %d ms after UNLOCK TABLES", afterRelease)
                    .isLessThan(TIMEOUT.toMillis());
        }
    }

    @Test
    void mariadbOpenTransactionHoldingAMetadataLockDoesNotHangTheSnapshot() throws Exception {
        try (TestDatabase db = TestDatabases.mysql().createDatabase("drmdl_my");
             Connection holder = db.connect()) {
            db.execute("CREATE TABLE t (id int PRIMARY KEY, v varchar(20))", "INSERT INTO t VALUES (1, 'a')");
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT * FROM t").close(); // the open transaction keeps t's metadata lock
            }
            // the ALTER queues for an exclusive metadata lock behind the transaction ...
            CompletableFuture<Long> alter = ddlLater(db, "ALTER TABLE t ADD COLUMN w int");
            Thread.sleep(500);
            // ... and the snapshot, which comes after it, must not wait behind both for longer than its timeout
            Outcome o = snapshotLater(db).get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            assertBounded(o);
            long released = System.nanoTime();
            holder.commit();
            alter.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            assertThat((System.nanoTime() - released) / 1_000_000).isLessThan(TIMEOUT.toMillis());
        }
    }
}
