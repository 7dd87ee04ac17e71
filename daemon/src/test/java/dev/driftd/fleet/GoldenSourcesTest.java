package dev.driftd.fleet;

import dev.driftd.config.GoldenConfig;
import dev.driftd.schema.Snapshot;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.driftd.fleet.SweepFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

/** Every golden source, resolved by a real sweep against the local servers. */
class GoldenSourcesTest {
    @TempDir
    Path dir;

    private static final String PG_SCHEMA = """
            CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
            CREATE INDEX items_name ON items (name);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$;
            CREATE TRIGGER items_touch BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();
            """;

    private static final String MY_TABLE = "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)";
    private static final String MY_TRIGGER = "CREATE TRIGGER items_bi BEFORE INSERT ON items FOR EACH ROW\n"
            + "BEGIN\n  SET NEW.name = UPPER(NEW.name);\nEND";

    /** A golden URL that is not a member; a member golden among the members. */
    @Test
    void urlAndMemberGoldens() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase template = pg.createDatabase("gld_template").execute(PG_SCHEMA);
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA);
             TestDatabase b = pg.createDatabase("gld_b").execute(PG_SCHEMA, "DROP INDEX items_name")) {
            FleetRunner byUrl = fx.runner(TestFleets.fleet("byurl")
                    .golden(new GoldenConfig.Url(template.url(), null, null, null))
                    .member("a", a.url()).member("b", b.url()).build());
            byUrl.runSweep();
            FleetStatus s = byUrl.status();
            assertThat(s.goldenError()).isNull();
            assertThat(member(s, "a").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(s, "b").state()).isEqualTo(MemberState.DRIFTED);
            assertThat(byUrl.diff("b")).hasValueSatisfying(d -> assertThat(d.driftChanges()).hasSize(1));

            FleetRunner byMember = fx.runner(TestFleets.fleet("bymember")
                    .golden(new GoldenConfig.Member("b"))
                    .member("a", a.url()).member("b", b.url()).build());
            byMember.runSweep();
            s = byMember.status();
            assertThat(s.goldenFingerprint()).isEqualTo(member(s, "b").fingerprint());
            assertThat(member(s, "b").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(s, "a").state()).isEqualTo(MemberState.DRIFTED);
        }
    }

    @Test
    void goldenMemberThatIsDownKeepsThePreviousGolden() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA)) {
            TestDatabase template = pg.createDatabase("gld_template").execute(PG_SCHEMA);
            FleetRunner r = fx.runner(TestFleets.fleet("f").golden(new GoldenConfig.Member("template"))
                    .member("template", template.url()).member("a", a.url()).build());
            r.runSweep();
            String fp = r.status().goldenFingerprint();
            template.close();
            a.execute("ALTER TABLE items ADD COLUMN extra INT");
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenError()).contains("golden member template is unreachable")
                    .contains("compared with the previous golden");
            assertThat(s.goldenFingerprint()).isEqualTo(fp);
            assertThat(member(s, "a").state()).isEqualTo(MemberState.DRIFTED);
        }
    }

    @Test
    void sqlFileOnAScratchPostgresDatabase() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Path sql = Files.writeString(dir.resolve("schema.sql"), PG_SCHEMA);
        int scratchBefore = countScratch(pg, "postgres");
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA);
             TestDatabase b = pg.createDatabase("gld_b").execute(PG_SCHEMA, "ALTER TABLE items ADD COLUMN x INT")) {
            FleetRunner r = fx.runner(TestFleets.fleet("f")
                    .golden(new GoldenConfig.Sql(sql, pg.url("postgres"), null, null, false))
                    .member("a", a.url()).member("b", b.url()).build());
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenError()).isNull();
            assertThat(s.goldenFingerprint()).isEqualTo(member(s, "a").fingerprint());
            assertThat(member(s, "a").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(s, "b").state()).isEqualTo(MemberState.DRIFTED);
        }
        assertThat(countScratch(pg, "postgres")).as("scratch databases left behind").isEqualTo(scratchBefore);
    }

    @Test
    void sqlFileOnAScratchPostgresSchemaForASchemaPerTenantFleet() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Path sql = Files.writeString(dir.resolve("tenant.sql"), PG_SCHEMA);
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase db = pg.createDatabase("gld_schemas")) {
            db.execute("CREATE SCHEMA tenant_a", "SET search_path TO tenant_a", PG_SCHEMA);
            db.execute("CREATE SCHEMA tenant_b", "SET search_path TO tenant_b", PG_SCHEMA,
                    "DROP INDEX tenant_b.items_name");
            FleetRunner r = fx.runner(TestFleets.fleet("f")
                    .golden(new GoldenConfig.Sql(sql, db.url(), null, null, true))
                    .discoverSchemas(db.url(), "tenant_.*").build());
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenError()).isNull();
            assertThat(member(s, "tenant_a").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(s, "tenant_b").state()).isEqualTo(MemberState.DRIFTED);
            // the scratch schema is gone again
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'driftd_scratch%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void sqlFileOnAScratchMariadbDatabaseWithDelimiters() throws Exception {
        TestServer my = TestDatabases.mysql();
        Assumptions.assumeTrue(my != null, "no MySQL-family server");
        Path sql = Files.writeString(dir.resolve("shop.sql"), """
                -- the shop schema; the trigger body needs its own delimiter, as with the mysql client
                CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);
                /* a ; inside a comment; and one in a string: */ SET @x = 'a;b';
                DELIMITER //
                CREATE TRIGGER items_bi BEFORE INSERT ON items FOR EACH ROW
                BEGIN
                  SET NEW.name = UPPER(NEW.name);
                END//
                DELIMITER ;
                """);
        int scratchBefore = countScratch(my, "");
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = my.createDatabase("gld_a").execute(MY_TABLE, MY_TRIGGER);
             TestDatabase b = my.createDatabase("gld_b").execute(MY_TABLE)) {
            assertGoldenSeparates(fx, sql, my.url(""), a, b);
        }
        assertThat(countScratch(my, "")).as("scratch databases left behind").isEqualTo(scratchBefore);
    }

    /**
     * A golden file that is mysqldump's own output: the trigger, procedure and event sit inside
     * {@code /*!50003 …*}{@code /} executable comments, which the former MySQL splitter threw away
     * with the comments, so the golden silently lacked them.
     */
    @Test
    void sqlFileFromMysqldumpKeepsTriggersRoutinesAndEventsInVersionedComments() throws Exception {
        TestServer my = TestDatabases.mysql();
        Assumptions.assumeTrue(my != null, "no MySQL-family server");
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = my.createDatabase("gld_a").execute(MY_TABLE, MY_TRIGGER,
                     "CREATE PROCEDURE items_count() BEGIN SELECT COUNT(*) FROM items; SELECT 1; END",
                     "CREATE EVENT items_purge ON SCHEDULE EVERY 1 DAY DO DELETE FROM items WHERE id < 0");
             TestDatabase b = my.createDatabase("gld_b").execute(MY_TABLE)) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("mysqldump", "--no-data", "--routines",
                    "--triggers", "--events", "-h", my.host(), "-P", String.valueOf(my.port()), "-u", my.user()));
            if (my.password() != null && !my.password().isEmpty()) {
                cmd.add("-p" + my.password());
            }
            cmd.add(a.name());
            Process dump = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(dump.waitFor()).isZero();
            assertThat(text).contains("/*!50003 CREATE*/", "/*!50003 TRIGGER");
            Path sql = Files.writeString(dir.resolve("dump.sql"), text);
            FleetRunner r = fx.runner(TestFleets.fleet("f")
                    .golden(new GoldenConfig.Sql(sql, my.url(""), null, null, false))
                    .member("a", a.url()).member("b", b.url()).build());
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenError()).isNull();
            assertThat(member(s, "a").state()).as("%s", r.diff("a")).isEqualTo(MemberState.IN_SYNC);
            assertThat(r.diff("b")).hasValueSatisfying(d -> assertThat(d.driftChanges()).hasSize(3));
        }
    }

    /** Several SQL-standard bodies in one file: pgjdbc, given the whole file, cut them at their inner semicolons. */
    @Test
    void sqlFileWithSeveralBeginAtomicFunctions() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String functions = """
                CREATE FUNCTION add_one(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT a + 1;
                END;
                CREATE FUNCTION sign_of(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN 1 WHEN a < 0 THEN -1 ELSE 0 END;
                END;
                """;
        Path sql = Files.writeString(dir.resolve("atomic.sql"), PG_SCHEMA + functions);
        try (SweepFixture fx = new SweepFixture(dir);
             // pgjdbc given this text whole fails ("cannot insert multiple commands into a prepared
             // statement"), as the scratch golden did before it split the file itself
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA).execute(
                     dev.driftd.sql.StatementSplitter.texts(functions, dev.driftd.sql.StatementSplitter.Syntax.POSTGRES)
                             .toArray(String[]::new));
             TestDatabase b = pg.createDatabase("gld_b").execute(PG_SCHEMA)) {
            assertGoldenSeparates(fx, sql, pg.url("postgres"), a, b);
        }
    }

    @Test
    void sqlFileErrorsNameTheFileAndLine() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Path bad = Files.writeString(dir.resolve("lines.sql"),
                "-- first a comment\nCREATE TABLE t (id INT);\n\nCREATE TABLE u (id INT,\n  t_id INT REFERENCES nowhere (id));\n");
        Path meta = Files.writeString(dir.resolve("meta.sql"), "CREATE TABLE t (id INT);\n\\connect other\n");
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA)) {
            for (Path file : java.util.List.of(bad, meta)) {
                FleetRunner r = fx.runner(TestFleets.fleet("f" + file.getFileName().toString().charAt(0))
                        .golden(new GoldenConfig.Sql(file, pg.url("postgres"), null, null, false))
                        .member("a", a.url()).build());
                r.runSweep();
                if (file == bad) {
                    assertThat(r.status().goldenError()).contains("lines.sql:4: ").contains("nowhere");
                } else {
                    assertThat(r.status().goldenError()).contains("meta.sql:2: psql meta-command \\connect");
                }
            }
        }
    }

    @Test
    void sqlFileThatFailsIsAGoldenErrorAndTheScratchIsDropped() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Path sql = Files.writeString(dir.resolve("bad.sql"), "CREATE TABLE t (id INT);\nCREATE TABLE t (id INT);\n");
        int scratchBefore = countScratch(pg, "postgres");
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA)) {
            FleetRunner r = fx.runner(TestFleets.fleet("f")
                    .golden(new GoldenConfig.Sql(sql, pg.url("postgres"), null, null, false))
                    .member("a", a.url()).build());
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenError()).contains("bad.sql").contains("already exists");
            assertThat(member(s, "a").state()).isEqualTo(MemberState.PENDING);
            assertThat(member(s, "a").fingerprint()).isNotNull();
        }
        assertThat(countScratch(pg, "postgres")).isEqualTo(scratchBefore);
    }

    @Test
    void pinnedSnapshotFromTheStore() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA);
             TestDatabase b = pg.createDatabase("gld_b").execute(PG_SCHEMA, "DROP TRIGGER items_touch ON items")) {
            Snapshot pinned = fx.engine.snapshot(a.target(), dev.driftd.dialect.InspectOptions.DEFAULT);
            fx.store.saveSnapshot(pinned);
            // a change after the pin: the pinned version stays golden
            a.execute("ALTER TABLE items ADD COLUMN later INT");
            FleetRunner r = fx.runner(TestFleets.fleet("f")
                    .golden(new GoldenConfig.Snapshot(pinned.fingerprint().substring(0, 12)))
                    .member("a", a.url()).member("b", b.url()).build());
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenFingerprint()).isEqualTo(pinned.fingerprint());
            assertThat(member(s, "a").state()).isEqualTo(MemberState.DRIFTED);
            assertThat(member(s, "b").state()).isEqualTo(MemberState.DRIFTED);

            FleetRunner unknown = fx.runner(TestFleets.fleet("g")
                    .golden(new GoldenConfig.Snapshot("deadbeefdeadbeef")).member("a", a.url()).build());
            unknown.runSweep();
            assertThat(unknown.status().goldenError()).isEqualTo("no snapshot deadbeefdeadbeef in the store");
        }
    }

    @Test
    void majorityOfReachableMembers() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase a = pg.createDatabase("gld_a").execute(PG_SCHEMA, "ALTER TABLE items ADD COLUMN x INT");
             TestDatabase b = pg.createDatabase("gld_b").execute(PG_SCHEMA);
             TestDatabase c = pg.createDatabase("gld_c").execute(PG_SCHEMA)) {
            FleetRunner r = fx.runner(TestFleets.fleet("f").golden(new GoldenConfig.Majority())
                    .member("a", a.url()).member("b", b.url()).member("c", c.url())
                    .member("down", "jdbc:postgresql://127.0.0.1:1/x").build());
            r.runSweep();
            FleetStatus s = r.status();
            assertThat(s.goldenFingerprint()).isEqualTo(member(s, "b").fingerprint());
            assertThat(member(s, "a").state()).isEqualTo(MemberState.DRIFTED);
            assertThat(member(s, "c").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(s.variants()).hasSize(2);
        }
    }

    @Test
    void majorityTiesGoToTheVariantWithTheAlphabeticallyFirstMember() {
        Map<String, String> fps = new LinkedHashMap<>();
        fps.put("zeta", "aaa");
        fps.put("beta", "zzz");
        fps.put("omega", "aaa");
        fps.put("alpha", "zzz");
        assertThat(MajorityVote.pick(fps)).hasValue("zzz");
        fps.put("gamma", "aaa");
        assertThat(MajorityVote.pick(fps)).hasValue("aaa");
        assertThat(MajorityVote.pick(Map.of())).isEmpty();
    }

    private static int countScratch(TestServer server, String adminDb) throws Exception {
        String sql = server.family() == dev.driftd.schema.Flavor.POSTGRES
                ? "SELECT count(*) FROM pg_database WHERE datname LIKE 'driftd_scratch%'"
                : "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'driftd_scratch%'";
        try (Connection c = server.connect(adminDb.isEmpty() ? "information_schema" : adminDb);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Sweeps a fleet whose golden is the file {@code sql} run on {@code server}: a holds golden's schema, b not. */
    private static void assertGoldenSeparates(SweepFixture fx, Path sql, String server, TestDatabase a, TestDatabase b)
            throws Exception {
        FleetRunner r = fx.runner(TestFleets.fleet("f")
                .golden(new GoldenConfig.Sql(sql, server, null, null, false))
                .member("a", a.url()).member("b", b.url()).build());
        r.runSweep();
        FleetStatus s = r.status();
        assertThat(s.goldenError()).isNull();
        assertThat(member(s, "a").state()).as("%s", r.diff("a")).isEqualTo(MemberState.IN_SYNC);
        assertThat(member(s, "b").state()).isEqualTo(MemberState.DRIFTED);
    }
}
