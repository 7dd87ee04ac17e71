package dev.driftd.faults;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member whose table is locked by someone else: the snapshot either reads the catalog without
 * waiting or gives up at its timeout, and application DDL queued behind the lock is never held up
 * by driftd once the lock holder lets go.
 */
class LockedCatalogTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Only against a hang: the outcomes themselves are awaited, never timed. */
    private static final Duration MUST_NOT_HANG = Duration.ofSeconds(30);
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

    /** Runs DDL on its own connection. */
    private static CompletableFuture<Void> ddlLater(TestDatabase db, String sql) {
        return CompletableFuture.runAsync(() -> {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /**
     * The snapshot ended on its own, one way or the other: the holder never lets go before it does, so
     * a snapshot that waited for the lock without its timeout would hang here (the bound is only that).
     */
    private static Outcome ended(CompletableFuture<Outcome> snapshot) throws Exception {
        Outcome o = snapshot.get(MUST_NOT_HANG.toMillis(), TimeUnit.MILLISECONDS);
        if (o.error() != null) {
            assertThat(o.error().getMessage()).as("snapshot failed after %d ms", o.millis())
                    .containsAnyOf("timeout", "lock", "canceling", "Lock wait");
        }
        return o;
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) {
        await(what).atMost(MUST_NOT_HANG).pollInterval(Duration.ofMillis(25)).until(condition);
    }

    private static long one(TestDatabase db, String sql, Object... args) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static long sessionId(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** PostgreSQL: the backend of the (first) session running a statement that starts so, or -1. */
    private static long pgPidRunning(TestDatabase db, String prefix) throws SQLException {
        return one(db, "SELECT coalesce(min(pid), -1) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock' AND query LIKE ?", prefix + "%");
    }

    /** MariaDB: the connection waiting for a lock with a statement that starts so, or -1. */
    private static long myIdWaiting(TestDatabase db, String prefix) throws SQLException {
        return one(db, "SELECT coalesce(min(ID), -1) FROM information_schema.PROCESSLIST WHERE DB = ? "
                + "AND STATE LIKE 'Waiting for%lock' AND INFO LIKE ?", db.name(), prefix + "%");
    }

    /** MariaDB: connections on the database other than the listed ones and the one asking. */
    private static long myOtherSessions(TestDatabase db, long... known) throws SQLException {
        StringBuilder in = new StringBuilder("CONNECTION_ID()");
        for (long id : known) {
            in.append(", ").append(id);
        }
        return one(db, "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID NOT IN (" + in + ")",
                db.name());
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
            long holderPid = sessionId(holder, "SELECT pg_backend_pid()");
            CompletableFuture<Outcome> snap = snapshotLater(db);
            // the snapshot is first in the lock queue (or already done without waiting): then the ALTER queues
            awaitTrue("the snapshot waits for the lock or is done", () -> snap.isDone()
                    || one(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND application_name = 'driftd' AND wait_event_type = 'Lock'") > 0);
            CompletableFuture<Void> alter = ddlLater(db, "ALTER TABLE t ADD COLUMN w int");
            ended(snap);
            awaitTrue("the ALTER waits for its lock", () -> pgPidRunning(db, "ALTER TABLE t ADD COLUMN w") > 0);
            long alterPid = pgPidRunning(db, "ALTER TABLE t ADD COLUMN w");
            // the ALTER still waits, and for the holder only: driftd holds nothing it would queue behind
            assertThat(alter).isNotDone();
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT array_agg(b ORDER BY b) FROM unnest(pg_blocking_pids(?)) b")) {
                ps.setInt(1, (int) alterPid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat((Integer[]) rs.getArray(1).getArray()).containsExactly((int) holderPid);
                }
            }
            holder.commit();
            alter.get(MUST_NOT_HANG.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(one(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'driftd' "
                    + "AND datname = current_database()")).as("driftd sessions left on the member").isZero();
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
            long holderId = sessionId(holder, "SELECT CONNECTION_ID()");
            CompletableFuture<Outcome> snap = snapshotLater(db);
            awaitTrue("the snapshot waits for the lock or is done", () -> snap.isDone()
                    || one(db, "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> ? "
                    + "AND STATE LIKE 'Waiting for%lock'", db.name(), holderId) > 0);
            CompletableFuture<Void> alter = ddlLater(db, "ALTER TABLE t ADD COLUMN w int");
            ended(snap);
            awaitTrue("the ALTER waits for its lock", () -> myIdWaiting(db, "ALTER TABLE t ADD COLUMN w") > 0);
            long alterId = myIdWaiting(db, "ALTER TABLE t ADD COLUMN w");
            assertThat(alter).isNotDone();
            // nobody but the holder and the ALTER itself is on the member: no driftd session it could queue behind
            assertThat(myOtherSessions(db, holderId, alterId)).as("other sessions on the member").isZero();
            try (Statement s = holder.createStatement()) {
                s.execute("UNLOCK TABLES");
            }
            alter.get(MUST_NOT_HANG.toMillis(), TimeUnit.MILLISECONDS);
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
            long holderId = sessionId(holder, "SELECT CONNECTION_ID()");
            // the ALTER queues for an exclusive metadata lock behind the transaction ...
            CompletableFuture<Void> alter = ddlLater(db, "ALTER TABLE t ADD COLUMN w int");
            awaitTrue("the ALTER waits for the metadata lock", () -> myIdWaiting(db, "ALTER TABLE t ADD COLUMN w") > 0);
            long alterId = myIdWaiting(db, "ALTER TABLE t ADD COLUMN w");
            // ... and the snapshot, which comes after it, must not wait behind both beyond its timeout
            ended(snapshotLater(db));
            assertThat(alter).isNotDone();
            assertThat(myOtherSessions(db, holderId, alterId)).as("driftd sessions left on the member").isZero();
            holder.commit();
            alter.get(MUST_NOT_HANG.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
