package dev.driftd.dialect.mysql;

import dev.driftd.cli.Main;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Equal schemas reached by different histories fingerprint equal and {@code driftd diff} exits 0;
 * real differences still exit 1 (so the equal cases cannot pass by reading nothing).
 */
class MysqlEquivalenceTest {
    private static TestServer server;
    private static boolean mariaDb;

    @BeforeAll
    static void server() {
        server = TestDatabases.mysql();
        assumeTrue(server != null, "no MySQL-family server");
        try (TestDatabase probe = server.createDatabase("probe")) {
            mariaDb = MysqlInspectTest.isMariaDb(probe);
        }
    }

    static List<MysqlEquivalenceCases.Case> cases() {
        return MysqlEquivalenceCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameSchemaDifferentHistoryIsInSync(MysqlEquivalenceCases.Case c) {
        assumeTrue(mariaDb || !c.mariaDbOnly(), "MariaDB-only case");
        try (TestDatabase golden = server.createDatabase("eqg"); TestDatabase target = server.createDatabase("eqt")) {
            golden.execute(c.goldenStatements(golden.name()));
            target.execute(c.targetStatements(target.name()));
            Snapshot g = new Engine().snapshot(golden.target(), InspectOptions.DEFAULT);
            Snapshot t = new Engine().snapshot(target.target(), InspectOptions.DEFAULT);
            assertThat(t.byKey()).as("the target was read").isNotEmpty();
            assertThat(t.fingerprint()).as(c.name() + ": " + new Engine().diff(g, t).changes())
                    .isEqualTo(g.fingerprint());
            Result diff = diff(golden.url(), target.url());
            assertThat(diff.exit()).as(diff.out() + diff.err()).isZero();
            assertThat(diff.out()).contains("in sync");
        }
    }

    @Test
    void realDifferencesStillExitOne() {
        try (TestDatabase golden = server.createDatabase("neg"); TestDatabase target = server.createDatabase("net")) {
            golden.execute("CREATE TABLE t (id int PRIMARY KEY, a int, b int DEFAULT 1, c varchar(5))");
            target.execute("CREATE TABLE t (id int PRIMARY KEY, b int DEFAULT 2, a int, c varchar(5) CHARACTER SET latin1)");
            Result diff = diff(golden.url(), target.url());
            assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
            assertThat(diff.out()).contains("column t.b").contains("column t.c").contains("columnOrder");
        }
    }

    record Result(int exit, String out, String err) {
    }

    static Result diff(String goldenUrl, String targetUrl) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[]{"diff", "--golden", goldenUrl, "--target", targetUrl},
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }
}
