package dev.driftd.conformance;

import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import dev.driftd.sql.StatementSplitter;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL cases: golden and target side by side in two scratch databases that live for the
 * whole run and are emptied between cases (DROP DATABASE forces a checkpoint, which made a
 * database per case cost seconds).
 */
final class PgHarness implements Harness, AutoCloseable {
    /** Cluster roles the sqldef and migra harnesses create before loading (corpus README). */
    private static final List<String> ROLES = List.of("readonly_user", "app_user", "admin_role", "user-with-dash",
            "user.with.dot", "user with spaces", "CamelCaseUser", "camelcaseuser", "UPPERCASE_USER", "user1", "user2",
            "user3", "user4", "My User", "reader", "writer", "admin", "reader1", "reader2", "writer1", "writer2",
            "role1", "role2", "power_user", "user@domain.com", "psqldef_user", "schemainspect_test_role");

    /** Everything a case can create inside a database, removed; then the public schema as new. */
    static final String EMPTY_DATABASE = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT evtname FROM pg_event_trigger LOOP
                EXECUTE format('DROP EVENT TRIGGER %I CASCADE', r.evtname);
              END LOOP;
              FOR r IN SELECT pubname FROM pg_publication LOOP
                EXECUTE format('DROP PUBLICATION %I', r.pubname);
              END LOOP;
              FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
                EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname);
              END LOOP;
              FOR r IN SELECT nspname FROM pg_namespace
                       WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                         AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%' LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
              END LOOP;
              FOR r IN SELECT collname FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
                       WHERE n.nspname = 'public' LOOP
                EXECUTE format('DROP COLLATION %I CASCADE', r.collname);
              END LOOP;
            END $$;
            CREATE SCHEMA public AUTHORIZATION pg_database_owner;
            GRANT USAGE ON SCHEMA public TO PUBLIC;
            COMMENT ON SCHEMA public IS 'standard public schema';
            """;

    private final TestServer server;
    private final Engine engine = new Engine();
    private final Convergence convergence = new Convergence();
    private final String version;
    private final boolean hasVector;
    private TestDatabase golden;
    private TestDatabase target;

    PgHarness() {
        this(TestDatabases.postgres());
    }

    /** Cases on a given server: {@code ConformanceMain --pg-server} (an embedded major version, or a URL). */
    PgHarness(TestServer server) {
        this.server = server;
        for (String role : ROLES) {
            try {
                server.executeAdmin("CREATE ROLE \"" + role + "\"");
            } catch (IllegalStateException alreadyThere) {
                // roles are cluster-wide and outlive a run
            }
        }
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet v = s.executeQuery("SELECT current_setting('server_version'), "
                     + "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')")) {
            v.next();
            version = v.getString(1).replaceAll(" .*$", "");
            hasVector = v.getBoolean(2);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server version: " + e.getMessage(), e);
        }
        golden = server.createDatabase("conf_golden");
        target = server.createDatabase("conf_target");
    }

    @Override
    public String server() {
        return "PostgreSQL " + version;
    }

    private String skipReason(CorpusCase c) {
        if ("true".equals(c.flag("offline"))) {
            return "offline-only case (syntax of another server)";
        }
        if ("pgvector".equals(c.flag("flavor")) && !hasVector) {
            return "needs the pgvector extension";
        }
        String min = c.flag("min_version");
        if (min != null && Loader.compareVersions(version, min) < 0) {
            return "needs PostgreSQL " + min;
        }
        String max = c.flag("max_version");
        if (max != null && Loader.compareVersions(version, max) > 0) {
            return "only for PostgreSQL up to " + max;
        }
        return null;
    }

    /** Empties both databases; one that cannot be emptied is replaced. */
    private void reset() {
        golden = empty(golden, "conf_golden");
        target = empty(target, "conf_target");
    }

    private TestDatabase empty(TestDatabase db, String prefix) {
        try {
            db.execute(EMPTY_DATABASE);
            return db;
        } catch (RuntimeException e) {
            db.close();
            return server.createDatabase(prefix);
        }
    }

    @Override
    public CaseResult run(CorpusCase c) {
        String skip = skipReason(c);
        if (skip != null) {
            return CaseResult.skipped(c, skip);
        }
        reset();
        List<String> preamble = "psqldef_user".equals(c.flag("user"))
                ? List.of("CREATE SCHEMA IF NOT EXISTS foo", "SET search_path = foo, public") : List.of();
        try {
            Loader.load(target, c.current(), StatementSplitter.Syntax.POSTGRES, preamble);
            Loader.load(golden, c.desired(), StatementSplitter.Syntax.POSTGRES, preamble);
        } catch (RuntimeException e) {
            return CaseResult.notLoadable(c, e.getMessage());
        }
        Snapshot g;
        try {
            g = engine.snapshot(golden.target(), Convergence.OPTIONS);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "inspect failed: " + Convergence.generalize(e.getMessage()), e.getMessage());
        }
        TestDatabase goldenDb = golden;
        return convergence.check(c, g, () -> DumpComparison.postgres(goldenDb), target, DumpComparison::postgres);
    }

    @Override
    public CaseResult runRealSchema(String source, Path file) {
        if (!hasVector && WithoutPgvector.needs(file)) {
            // pagila_pg18 needs pgvector as well as 18, and no pgvector is built for the embedded 18:
            // the rest of the schema (virtual generated column, uuidv7() defaults, named NOT NULLs) still
            // says whether 18 is read right, so it runs without pgvector's statements, under its own name
            Path without = WithoutPgvector.copy(file);
            try {
                return runRealSchema(source, without, file.getFileName() + " (without pgvector)");
            } finally {
                WithoutPgvector.delete(without);
            }
        }
        return runRealSchema(source, file, file.getFileName().toString());
    }

    private CaseResult runRealSchema(String source, Path file, String name) {
        CorpusCase c = new CorpusCase(source, name, file, file, null);
        reset();
        try {
            Loader.load(target, file, StatementSplitter.Syntax.POSTGRES, List.of());
            Loader.load(golden, file, StatementSplitter.Syntax.POSTGRES, List.of());
        } catch (RuntimeException e) {
            return CaseResult.notLoadable(c, e.getMessage());
        }
        Snapshot g;
        try {
            g = engine.snapshot(golden.target(), Convergence.OPTIONS);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "inspect failed: " + Convergence.generalize(e.getMessage()), e.getMessage());
        }
        TestDatabase goldenDb = golden;
        return RealSchemas.check(c, engine, convergence, g, () -> DumpComparison.postgres(goldenDb), target, false,
                DumpComparison::postgres);
    }

    @Override
    public void close() {
        golden.close();
        target.close();
    }
}
