package dev.driftd.conformance;

import dev.driftd.sql.StatementSplitter;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;

import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL scratch pair: two databases created once and emptied in place between uses
 * (DROP DATABASE waits for a checkpoint, emptying does not).
 */
final class PgScratchPair implements ScratchPair {
    private final TestServer server = TestDatabases.postgres();
    private TestDatabase golden = server.createDatabase("rw_golden");
    private TestDatabase target = server.createDatabase("rw_target");

    @Override
    public TestDatabase golden() {
        return golden;
    }

    @Override
    public TestDatabase target() {
        return target;
    }

    @Override
    public void emptyGolden() {
        golden = empty(golden, "rw_golden");
    }

    @Override
    public void emptyTarget() {
        target = empty(target, "rw_target");
    }

    private TestDatabase empty(TestDatabase db, String prefix) {
        try {
            db.execute(PgHarness.EMPTY_DATABASE);
            return db;
        } catch (RuntimeException e) {
            db.close();
            return server.createDatabase(prefix);
        }
    }

    @Override
    public void load(TestDatabase db, Path file) {
        ServerTools.psqlFile(db, file);
    }

    @Override
    public void loadWithSplitter(TestDatabase db, Path file) {
        Loader.load(db, file, StatementSplitter.Syntax.POSTGRES, List.of());
    }

    @Override
    public List<String> dump(TestDatabase db) {
        return DumpComparison.postgres(db);
    }

    @Override
    public Path dumpToFile(TestDatabase from) {
        return ServerTools.pgDumpToFile(from);
    }

    @Override
    public void restore(Path dumpFile, TestDatabase to) {
        ServerTools.psqlFile(to, dumpFile);
    }

    @Override
    public boolean mysql() {
        return false;
    }

    @Override
    public void close() {
        golden.close();
        target.close();
    }
}
