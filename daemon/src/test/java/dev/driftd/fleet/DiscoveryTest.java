package dev.driftd.fleet;

import dev.driftd.sweep.FleetRunner;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery against the real servers: databases (PostgreSQL, MariaDB) or schemas (PostgreSQL)
 * matching a pattern become members; one created between sweeps shows up at the next sweep, one
 * dropped leaves the status list and is reported removed.
 */
class DiscoveryTest {
    @TempDir
    Path dir;

    private static String uniquePrefix() {
        return "dsc" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }

    private static final String TABLE = "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))";

    @Test
    void postgresDatabasesComeAndGo() throws Exception {
        databasesComeAndGo(TestDatabases.postgres(), "postgres");
    }

    @Test
    void mariadbDatabasesComeAndGo() throws Exception {
        TestServer my = TestDatabases.mysql();
        Assumptions.assumeTrue(my != null, "no MySQL-family server");
        // a server URL with no database: discovery lists the whole server
        databasesComeAndGo(my, "");
    }

    private void databasesComeAndGo(TestServer server, String adminDb) throws Exception {
        String prefix = uniquePrefix();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = server.createDatabase(prefix + "_a").execute(TABLE);
             TestDatabase b = server.createDatabase(prefix + "_b").execute(TABLE);
             TestDatabase other = server.createDatabase("nomatch" + prefix).execute(TABLE)) {
            FleetRunner runner = fx.runner(TestFleets.fleet("tenants")
                    .discoverDatabases(server.url(adminDb), prefix + "_.*").build());

            runner.runSweep();
            FleetStatus first = runner.status();
            assertThat(first.members()).extracting(MemberStatus::member).containsExactly(a.name(), b.name());
            assertThat(first.members()).allSatisfy(m -> assertThat(m.state()).isEqualTo(MemberState.IN_SYNC));
            assertThat(first.goldenFingerprint()).isEqualTo(first.members().get(0).fingerprint());

            String cName;
            try (TestDatabase c = server.createDatabase(prefix + "_c")) {
                cName = c.name();
                c.execute(TABLE, "ALTER TABLE items ADD COLUMN extra INT");
                runner.runSweep();
                FleetStatus second = runner.status();
                assertThat(second.members()).extracting(MemberStatus::member)
                        .containsExactly(a.name(), b.name(), c.name());
                assertThat(SweepFixture.member(second, c.name()).state()).isEqualTo(MemberState.DRIFTED);
                assertThat(fx.events.removed).isEmpty();
            }
            b.close();
            runner.runSweep();
            FleetStatus third = runner.status();
            assertThat(third.members()).extracting(MemberStatus::member).containsExactly(a.name());
            assertThat(fx.events.removed).containsExactlyInAnyOrder("tenants/" + b.name(), "tenants/" + cName);
            assertThat(fx.store.memberStates("tenants")).extracting(MemberStatus::member).containsExactly(a.name());
        }
    }

    @Test
    void postgresSchemasOfOneDatabase() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase db = pg.createDatabase("dsc_schemas")) {
            db.execute("CREATE SCHEMA tenant_a", "CREATE TABLE tenant_a.items (id INT PRIMARY KEY)",
                    "CREATE SCHEMA tenant_b", "CREATE TABLE tenant_b.items (id INT PRIMARY KEY)",
                    "CREATE SCHEMA shared", "CREATE TABLE shared.other (id INT)");
            FleetRunner runner = fx.runner(TestFleets.fleet("schemas")
                    .discoverSchemas(db.url(), "tenant_.*").build());
            runner.runSweep();
            FleetStatus s = runner.status();
            assertThat(s.members()).extracting(MemberStatus::member).containsExactly("tenant_a", "tenant_b");
            // scope-relative snapshots: two schemas with equal contents fingerprint the same
            assertThat(s.members()).allSatisfy(m -> assertThat(m.state()).isEqualTo(MemberState.IN_SYNC));

            db.execute("CREATE SCHEMA tenant_c", "CREATE TABLE tenant_c.items (id INT PRIMARY KEY, x INT)",
                    "DROP SCHEMA tenant_a CASCADE");
            runner.runSweep();
            s = runner.status();
            assertThat(s.members()).extracting(MemberStatus::member).containsExactly("tenant_b", "tenant_c");
            assertThat(fx.events.removed).containsExactly("schemas/tenant_a");
        }
    }

    @Test
    void discoveredNameClashingWithAnExplicitMemberIsSkipped() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String prefix = uniquePrefix();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase(prefix + "_a").execute(TABLE);
             TestDatabase golden = pg.createDatabase("dscgolden").execute(TABLE)) {
            // the explicit member is named like the discovered database but points elsewhere
            FleetRunner runner = fx.runner(TestFleets.fleet("clash")
                    .member(a.name(), golden.url())
                    .discoverDatabases(pg.url("postgres"), prefix + "_.*").build());
            runner.runSweep();
            assertThat(runner.status().members()).hasSize(1);
            assertThat(fx.events.taken).containsExactly("clash/" + a.name());
        }
    }

    @Test
    void aDiscoveryServerThatIsDownKeepsItsMembers() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String prefix = uniquePrefix();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase(prefix + "_a").execute(TABLE)) {
            FleetRunner runner = fx.runner(TestFleets.fleet("down")
                    .discoverDatabases(pg.url("postgres"), prefix + "_.*").build());
            runner.runSweep();
            assertThat(runner.status().members()).hasSize(1);
            // same rule, server now unreachable: the member stays (unreachable), it is not "removed"
            FleetRunner same = runner;
            same.update(TestFleets.fleet("down")
                    .discoverDatabases("jdbc:postgresql://127.0.0.1:1/postgres", prefix + "_.*").build());
            same.runSweep();
            assertThat(fx.events.removed).isEmpty();
            assertThat(same.status().members()).extracting(MemberStatus::member).containsExactly(a.name());
        }
    }
}
