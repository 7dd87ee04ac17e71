package dev.driftd.conformance;

import java.nio.file.Path;

/** Runs corpus cases against one server family. */
interface Harness {
    /** A description of the server, for the report. */
    String server();

    CaseResult run(CorpusCase c);

    /** A real application schema: untouched copies in sync, a drifted copy converges. */
    CaseResult runRealSchema(String source, Path file);
}
