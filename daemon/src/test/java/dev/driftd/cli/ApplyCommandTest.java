package dev.driftd.cli;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.testing.FleetSchemas;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

import static dev.driftd.cli.SnapshotCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code driftd apply} on real databases. PostgreSQL: the plan is verified inside its transaction
 * before COMMIT, so exit 0 means converged; a lock held elsewhere makes it give up at
 * --lock-timeout with the target exactly as before; a plan that cannot reach golden is rolled
 * back whole; without --allow-destructive the additive part commits and the destructive drift stays
 * (exit 1). MariaDB: statement by statement, verified afterwards.
 */
class ApplyCommandTest {
    private final Engine engine = new Engine();

    @Test
    void postgresConvergesVerifiedBeforeCommit() {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase golden = pg.createDatabase("apg").execute(FleetSchemas.POSTGRES);
             TestDatabase target = pg.createDatabase("apt").execute(FleetSchemas.POSTGRES)) {
            target.execute("DROP INDEX orders_customer_idx", "ALTER TABLE orders ADD COLUMN note text");
            SnapshotCommandTest.Result r = run("apply", "--golden", golden.url(), "--target", target.url(),
                    "--allow-destructive", "--yes");
            assertThat(r.code()).as(r.err()).isEqualTo(Main.IN_SYNC);
            assertThat(r.out()).contains("CREATE INDEX orders_customer_idx").contains("DROP COLUMN note");
            assertThat(r.err()).contains("converged").contains("verified before COMMIT");
            assertThat(fingerprint(target)).isEqualTo(fingerprint(golden));
        }
    }

    @Test
    void postgresLockTimeoutLeavesTheTargetUntouched() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase golden = pg.createDatabase("apg").execute(FleetSchemas.POSTGRES);
             TestDatabase target = pg.createDatabase("apt").execute(FleetSchemas.POSTGRES)) {
            target.execute("DROP INDEX orders_customer_idx", "ALTER TABLE orders ADD COLUMN note text");
            String before = fingerprint(target);
            SnapshotCommandTest.Result r;
            InputStream stdin = System.in;
            try (Connection locker = target.connect(); Statement st = locker.createStatement()) {
                locker.setAutoCommit(false);
                // the lock is taken when apply asks for confirmation: after it read and planned, before it applies
                System.setIn(new AnswerAfter(() -> st.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE"), "y\n"));
                r = run("apply", "--golden", golden.url(), "--target", target.url(), "--allow-destructive",
                        "--lock-timeout", "500ms");
                locker.rollback();
            } finally {
                System.setIn(stdin);
            }
            assertThat(r.code()).as(r.err()).isEqualTo(Main.ERROR);
            assertThat(r.err()).contains("rolled back, nothing was changed").contains("lock timeout");
            assertThat(fingerprint(target)).isEqualTo(before);
        }
    }

    @Test
    void postgresPlanThatCannotReachGoldenIsRolledBack() {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase golden = pg.createDatabase("apg").execute(FleetSchemas.POSTGRES)
                .execute("CREATE DOMAIN cents AS integer");
             TestDatabase target = pg.createDatabase("apt").execute(FleetSchemas.POSTGRES)
                     .execute("CREATE DOMAIN cents AS bigint", "DROP INDEX orders_customer_idx")) {
            String before = fingerprint(target);
            SnapshotCommandTest.Result r = run("apply", "--golden", golden.url(), "--target", target.url(),
                    "--allow-destructive", "--yes");
            assertThat(r.code()).as(r.err()).isEqualTo(Main.DRIFT);
            assertThat(r.err()).contains("rolled back").contains("still differs").contains("domain")
                    .contains("unchanged");
            // the index the plan would have created is not there: the whole transaction went
            assertThat(fingerprint(target)).isEqualTo(before);
        }
    }

    @Test
    void postgresWithoutAllowDestructiveCommitsTheRestAndKeepsOnlyOldDrift() {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase golden = pg.createDatabase("apg").execute(FleetSchemas.POSTGRES);
             TestDatabase target = pg.createDatabase("apt").execute(FleetSchemas.POSTGRES)) {
            target.execute("DROP INDEX orders_customer_idx", "ALTER TABLE orders ADD COLUMN note text");
            SnapshotCommandTest.Result r = run("apply", "--golden", golden.url(), "--target", target.url(), "--yes");
            assertThat(r.code()).as(r.err()).isEqualTo(Main.DRIFT);
            assertThat(r.out()).contains("-- skipped, destructive:");
            assertThat(r.err()).contains("1 drifted objects remain").contains("note");
            // the index was committed; only the extra column (left on purpose) differs
            target.execute("ALTER TABLE orders DROP COLUMN note");
            assertThat(fingerprint(target)).isEqualTo(fingerprint(golden));
        }
    }

    @Test
    void mariadbConvergesStatementByStatement() {
        TestServer my = TestDatabases.mysql();
        assumeTrue(my != null, "no MySQL-family server");
        try (TestDatabase golden = my.createDatabase("amg").execute(FleetSchemas.MARIADB);
             TestDatabase target = my.createDatabase("amt").execute(FleetSchemas.MARIADB)) {
            target.execute("ALTER TABLE orders ADD COLUMN note varchar(20)", "CREATE INDEX orders_total_hotfix ON orders (total_cents)");
            SnapshotCommandTest.Result r = run("apply", "--golden", golden.url(), "--target", target.url(),
                    "--allow-destructive", "--yes");
            assertThat(r.code()).as(r.err()).isEqualTo(Main.IN_SYNC);
            assertThat(r.err()).contains("converged");
            assertThat(fingerprint(target)).isEqualTo(fingerprint(golden));
        }
    }

    /** Standard input that runs {@code first} when it is first read, then answers {@code answer}. */
    private static final class AnswerAfter extends InputStream {
        interface Action {
            void run() throws Exception;
        }

        private final Action first;
        private final ByteArrayInputStream answer;
        private boolean done;

        AnswerAfter(Action first, String answer) {
            this.first = first;
            this.answer = new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() throws IOException {
            before();
            return answer.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            before();
            return answer.read(b, off, len);
        }

        private void before() throws IOException {
            if (!done) {
                done = true;
                try {
                    first.run();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }

    private String fingerprint(TestDatabase db) {
        return engine.snapshot(db.target(), InspectOptions.DEFAULT).fingerprint();
    }
}
