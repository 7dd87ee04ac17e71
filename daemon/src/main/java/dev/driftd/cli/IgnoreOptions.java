package dev.driftd.cli;

import dev.driftd.config.ConfigLoader;
import dev.driftd.policy.IgnorePolicy;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ignore rules of a comparison, as the daemon's fleets have them: a policy file with the same
 * {@code ignore:} list as driftd.yaml, then each {@code --ignore}. Both databases' snapshots are
 * filtered by them before they are compared, so {@code driftd diff} and the daemon agree.
 */
final class IgnoreOptions {
    @Option(names = "--ignore", paramLabel = "KIND:PATTERN",
            description = "Leave matching objects out of both snapshots (repeatable): table:flyway_schema_history,"
                    + " index:orders.*_tmp, preset:flyway. Kinds: schema, table, column, index, constraint, routine,"
                    + " trigger, view, sequence, type, privilege, extension, event, policy.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A YAML file with an ignore: list shaped like driftd.yaml's (strings or {kind, pattern,"
                    + " field, grantee}).")
    Path policy;

    private IgnorePolicy built;

    /** The rules; a bad rule is an error naming the file and line, or the --ignore value. */
    IgnorePolicy policy() {
        if (built == null) {
            IgnorePolicy fromFile = policy == null ? IgnorePolicy.NONE : ConfigLoader.loadPolicy(policy);
            IgnorePolicy.Builder b = IgnorePolicy.builder();
            for (String rule : ignore) {
                try {
                    b.add(rule, "--ignore " + rule);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--ignore " + rule + ": " + e.getMessage());
                }
            }
            built = fromFile.plus(b.build());
        }
        return built;
    }

    /** Warns on standard error about each rule that matched nothing in either snapshot. */
    void warnUnmatched(PrintWriter err) {
        for (String w : policy().unmatchedOnce()) {
            err.println("driftd: warning: " + w);
        }
        err.flush();
    }
}
