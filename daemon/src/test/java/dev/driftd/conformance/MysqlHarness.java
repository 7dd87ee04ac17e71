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
 * MySQL-family cases. sqldef's views name their database ({@code mysqldef_test.*}) and Sakila's
 * name {@code sakila}, so golden and target are loaded one after the other into a database of
 * that name: golden is read and dumped, dropped, then the target is loaded in its place.
 */
final class MysqlHarness implements Harness {
    private final TestServer server = TestDatabases.mysql();
    private final Engine engine = new Engine();
    private final Convergence convergence = new Convergence();
    private final String version;
    private final boolean mariadb;

    MysqlHarness() {
        if (server == null) {
            throw new IllegalStateException("no MySQL or MariaDB server for the conformance run");
        }
        try (Connection c = server.connect("mysql"); Statement s = c.createStatement();
             ResultSet v = s.executeQuery("SELECT VERSION()")) {
            v.next();
            String full = v.getString(1);
            mariadb = full.contains("MariaDB");
            version = full.replaceAll("-.*$", "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server version: " + e.getMessage(), e);
        }
    }

    @Override
    public String server() {
        return (mariadb ? "MariaDB " : "MySQL ") + version;
    }

    private String skipReason(CorpusCase c) {
        if ("true".equals(c.flag("offline"))) {
            return "offline-only case (syntax of another server)";
        }
        String flavor = c.flag("flavor");
        if (flavor != null) {
            String me = mariadb ? "mariadb" : "mysql";
            boolean negated = flavor.startsWith("!");
            String named = negated ? flavor.substring(1) : flavor;
            if (negated == named.equals(me)) {
                return negated ? "not for " + named : "only for " + named;
            }
        }
        String min = c.flag("min_version");
        if (min != null && Loader.compareVersions(version, min) < 0) {
            return "needs version " + min;
        }
        String max = c.flag("max_version");
        if (max != null && Loader.compareVersions(version, max) > 0) {
            return "only up to version " + max;
        }
        return null;
    }

    @Override
    public CaseResult run(CorpusCase c) {
        String skip = skipReason(c);
        return skip != null ? CaseResult.skipped(c, skip) : runIn(c, "mysqldef_test", c.desired(), c.current(), false);
    }

    @Override
    public CaseResult runRealSchema(String source, Path file) {
        String name = file.getFileName().toString().replace(".sql", "");
        CorpusCase c = new CorpusCase(source, file.getFileName().toString(), file, file, null);
        return runIn(c, name.equals("sakila") ? "sakila" : "conf_" + name, file, file, true);
    }

    private CaseResult runIn(CorpusCase c, String database, Path goldenFile, Path targetFile, boolean realSchema) {
        Snapshot golden;
        List<String> goldenDump;
        try (TestDatabase g = server.createDatabaseNamed(database)) {
            try {
                Loader.load(g, goldenFile, StatementSplitter.Syntax.MYSQL, List.of());
            } catch (RuntimeException e) {
                return CaseResult.notLoadable(c, e.getMessage());
            }
            try {
                golden = engine.snapshot(g.target(), Convergence.OPTIONS);
                goldenDump = DumpComparison.mysql(g);
            } catch (RuntimeException e) {
                return CaseResult.failed(c, "inspect failed: " + Convergence.generalize(e.getMessage()), e.getMessage());
            }
        }
        try (TestDatabase t = server.createDatabaseNamed(database)) {
            try {
                Loader.load(t, targetFile, StatementSplitter.Syntax.MYSQL, List.of());
            } catch (RuntimeException e) {
                return CaseResult.notLoadable(c, e.getMessage());
            }
            if (realSchema) {
                return RealSchemas.check(c, engine, convergence, golden, () -> goldenDump, t, true, DumpComparison::mysql);
            }
            return convergence.check(c, golden, () -> goldenDump, t, DumpComparison::mysql);
        }
    }
}
