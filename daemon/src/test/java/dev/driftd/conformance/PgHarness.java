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

/** PostgreSQL cases: golden and target side by side in two scratch databases. */
final class PgHarness implements Harness {
    /** Cluster roles the sqldef and migra harnesses create before loading (corpus README). */
    private static final List<String> ROLES = List.of("readonly_user", "app_user", "admin_role", "user-with-dash",
            "user.with.dot", "user with spaces", "CamelCaseUser", "camelcaseuser", "UPPERCASE_USER", "user1", "user2",
            "user3", "user4", "My User", "reader", "writer", "admin", "reader1", "reader2", "writer1", "writer2",
            "role1", "role2", "power_user", "user@domain.com", "psqldef_user", "schemainspect_test_role");

    private final TestServer server = TestDatabases.postgres();
    private final Engine engine = new Engine();
    private final Convergence convergence = new Convergence();
    private final String version;
    private final boolean hasVector;

    PgHarness() {
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

    @Override
    public CaseResult run(CorpusCase c) {
        String skip = skipReason(c);
        if (skip != null) {
            return CaseResult.skipped(c, skip);
        }
        List<String> preamble = "psqldef_user".equals(c.flag("user"))
                ? List.of("CREATE SCHEMA IF NOT EXISTS foo", "SET search_path = foo, public") : List.of();
        try (TestDatabase target = server.createDatabase("conf_t"); TestDatabase golden = server.createDatabase("conf_g")) {
            try {
                if (!preamble.isEmpty()) {
                    target.execute(preamble.get(0));
                    golden.execute(preamble.get(0));
                }
                Loader.load(target, c.current(), StatementSplitter.Syntax.POSTGRES, preamble);
                Loader.load(golden, c.desired(), StatementSplitter.Syntax.POSTGRES, preamble);
            } catch (RuntimeException e) {
                return CaseResult.notLoadable(c, e.getMessage());
            }
            return converge(c, golden, target);
        }
    }

    private CaseResult converge(CorpusCase c, TestDatabase golden, TestDatabase target) {
        Snapshot g;
        List<String> goldenDump;
        try {
            g = engine.snapshot(golden.target(), Convergence.OPTIONS);
            goldenDump = DumpComparison.postgres(golden);
        } catch (RuntimeException e) {
            return CaseResult.failed(c, "inspect failed: " + Convergence.generalize(e.getMessage()), e.getMessage());
        }
        return convergence.check(c, g, goldenDump, target, DumpComparison::postgres);
    }

    @Override
    public CaseResult runRealSchema(String source, Path file) {
        CorpusCase c = new CorpusCase(source, file.getFileName().toString(), file, file, null);
        try (TestDatabase target = server.createDatabase("conf_t"); TestDatabase golden = server.createDatabase("conf_g")) {
            try {
                Loader.load(target, file, StatementSplitter.Syntax.POSTGRES, List.of());
                Loader.load(golden, file, StatementSplitter.Syntax.POSTGRES, List.of());
            } catch (RuntimeException e) {
                return CaseResult.notLoadable(c, e.getMessage());
            }
            Snapshot g;
            List<String> goldenDump;
            try {
                g = engine.snapshot(golden.target(), Convergence.OPTIONS);
                goldenDump = DumpComparison.postgres(golden);
            } catch (RuntimeException e) {
                return CaseResult.failed(c, "inspect failed: " + Convergence.generalize(e.getMessage()), e.getMessage());
            }
            return RealSchemas.check(c, engine, convergence, g, goldenDump, target, false, DumpComparison::postgres);
        }
    }
}
