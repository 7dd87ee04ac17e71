package dev.driftd.conformance;

import dev.driftd.testing.TestDatabase;

import java.nio.file.Path;
import java.util.List;

/**
 * Two scratch databases on one server, golden and target, that live for a whole real-schema run:
 * emptied, loaded from a file as the server's client would, dumped and restored with the
 * server's own tools.
 */
interface ScratchPair extends AutoCloseable {
    TestDatabase golden();

    TestDatabase target();

    void emptyGolden();

    void emptyTarget();

    /** Loads a schema file with the server's own client ({@code psql}, {@code mysql}), as the corpus README does. */
    void load(TestDatabase db, Path file);

    /** Loads a schema file through the project's statement splitter, statement by statement on one session. */
    void loadWithSplitter(TestDatabase db, Path file);

    /** The server's own dump of the schema, normalized for comparison ({@link DumpComparison}). */
    List<String> dump(TestDatabase db);

    /** {@code pg_dump -s} / {@code mysqldump --no-data --routines --triggers --events} of a database, as a file. */
    java.nio.file.Path dumpToFile(TestDatabase from);

    /** A dump file of {@link #dumpToFile} restored with the server's client ({@code psql}, {@code mysql}). */
    void restore(java.nio.file.Path dumpFile, TestDatabase to);

    boolean mysql();

    @Override
    void close();
}
