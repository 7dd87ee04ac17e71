package dev.driftd.fleet;

import dev.driftd.store.MemberRow;
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
            assertThat(fx.store.memberStates("tenants")).extracting(MemberRow::member).containsExactly(a.name());
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
            assertThat(fx.events.skipped).containsExactly("clash:name-taken");
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

    /** Suffixes a driver would read as another name, or as parameters, if they went into a URL as they are. */
    static final String[] HOSTILE = {"_t%31", "_t1", "_t+b", "_t b", "_t/x", "_t?sslmode=require",
            "_t?allowLoadLocalInfile=true&x=", "_t\"q'", "_t`b;c", "_t\u00fc\u8868", "_t#f"};

    @Test
    void postgresDatabasesWithHostileNamesAreReadAsThemselves() throws Exception {
        hostileDatabasesAreReadAsThemselves(TestDatabases.postgres(), "postgres");
    }

    @Test
    void mariadbDatabasesWithHostileNamesAreReadAsThemselves() throws Exception {
        TestServer my = TestDatabases.mysql();
        Assumptions.assumeTrue(my != null, "no MySQL-family server");
        hostileDatabasesAreReadAsThemselves(my, "");
    }

    /**
     * Each database holds one table named after its index, so a snapshot shows which database was
     * really read: app_t%31 must not read app_t1, nor a name with ?/& set driver parameters.
     */
    private void hostileDatabasesAreReadAsThemselves(TestServer server, String adminDb) throws Exception {
        String prefix = uniquePrefix();
        java.util.List<TestDatabase> dbs = new java.util.ArrayList<>();
        try (SweepFixture fx = new SweepFixture(dir)) {
            java.util.Map<String, String> tableOf = new java.util.LinkedHashMap<>();
            for (int i = 0; i < HOSTILE.length; i++) {
                TestDatabase db = server.createDatabaseNamed(prefix + HOSTILE[i]);
                dbs.add(db);
                db.execute("CREATE TABLE only_in_" + i + " (id INT PRIMARY KEY)");
                tableOf.put(db.name(), "only_in_" + i);
            }
            FleetRunner runner = fx.runner(TestFleets.fleet("hostile")
                    .discoverDatabases(server.url(adminDb), java.util.regex.Pattern.quote(prefix) + "_.*").build());
            runner.runSweep();
            FleetStatus s = runner.status();
            assertThat(s.members()).extracting(MemberStatus::member)
                    .containsExactlyInAnyOrderElementsOf(tableOf.keySet());
            assertThat(s.members()).allSatisfy(m -> assertThat(m.error()).as(m.member()).isNull());
            for (MemberStatus m : s.members()) {
                dev.driftd.schema.Snapshot snap = fx.engine.snapshot(runner.member(m.member()).orElseThrow().target(),
                        new dev.driftd.dialect.InspectOptions(java.time.Duration.ofSeconds(20)));
                assertThat(snap.getScope().database()).isEqualTo(m.member());
                assertThat(snap.objects().stream().filter(o -> o instanceof dev.driftd.schema.Table)
                        .map(o -> o.key().name()))
                        .as("tables read for member %s", m.member()).containsExactly(tableOf.get(m.member()));
            }
        } finally {
            TestDatabase.closeAll(dbs);
        }
    }

    @Test
    void aNameWithAControlCharacterIsSkippedWithAWarningNotApproximated() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String prefix = uniquePrefix();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase plain = pg.createDatabaseNamed(prefix + "_plain").execute(TABLE);
             TestDatabase newline = pg.createDatabaseNamed(prefix + "_new\nline").execute(TABLE)) {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Discovery.class);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                    new ch.qos.logback.core.read.ListAppender<>();
            log.start();
            logger.addAppender(log);
            FleetRunner runner = fx.runner(TestFleets.fleet("ctl")
                    .discoverDatabases(pg.url("postgres"), prefix + "_[\\s\\S]*").build());
            runner.runSweep();
            assertThat(runner.status().members()).extracting(MemberStatus::member).containsExactly(plain.name());
            assertThat(fx.events.skipped).containsExactly("ctl:control-character");
            logger.detachAppender(log);
            assertThat(log.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains(prefix + "_new\\u000aline")
                            .contains("control-character").contains("skipped").doesNotContain("\n"));
        }
    }
}
