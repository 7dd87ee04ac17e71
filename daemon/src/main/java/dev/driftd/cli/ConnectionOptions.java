package dev.driftd.cli;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.util.Durations;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Shared by commands that read databases: the per-database timeout. */
final class ConnectionOptions {
    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION",
            description = "Connect, query and lock-wait timeout per database (e.g. 30s, 2m). Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    InspectOptions inspectOptions() {
        return new InspectOptions(Durations.parse(timeout, "--timeout"));
    }

    static DbTarget target(String url, String user, String password, String schema) {
        return new DbTarget(url, user, password, schema);
    }

    static Duration duration(String text, String option) {
        return Durations.parse(text, option);
    }
}
