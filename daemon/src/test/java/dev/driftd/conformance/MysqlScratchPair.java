package dev.driftd.conformance;

import dev.driftd.sql.StatementSplitter;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestServer;

import java.nio.file.Path;
import java.util.List;

/**
 * MySQL-family scratch pair: emptying drops the database and creates a new one under another
 * random name (cheap on MySQL), so golden and target never share a name, as fleet members don't.
 */
final class MysqlScratchPair implements ScratchPair {
    private final TestServer server;
    private TestDatabase golden;
    private TestDatabase target;

    MysqlScratchPair(TestServer server) {
        this.server = server;
        golden = server.createDatabase("rw_golden");
        target = server.createDatabase("rw_target");
    }

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
        golden.close();
        golden = server.createDatabase("rw_golden");
    }

    @Override
    public void emptyTarget() {
        target.close();
        target = server.createDatabase("rw_target");
    }

    @Override
    public void load(TestDatabase db, Path file) {
        ServerTools.mysqlFile(db, file);
    }

    @Override
    public void loadWithSplitter(TestDatabase db, Path file) {
        Loader.load(db, file, StatementSplitter.Syntax.MYSQL, List.of());
    }

    @Override
    public List<String> dump(TestDatabase db) {
        return DumpComparison.mysql(db);
    }

    @Override
    public Path dumpToFile(TestDatabase from) {
        return ServerTools.mysqlDumpToFile(from);
    }

    @Override
    public void restore(Path dumpFile, TestDatabase to) {
        ServerTools.mysqlFile(to, dumpFile);
    }

    @Override
    public boolean mysql() {
        return true;
    }

    @Override
    public void close() {
        golden.close();
        target.close();
    }
}
