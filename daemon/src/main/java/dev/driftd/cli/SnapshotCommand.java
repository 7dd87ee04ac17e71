package dev.driftd.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "snapshot", description = "Print the canonical JSON snapshot of one database or schema.")
final class SnapshotCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL", description = "Database to read.")
    String url;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "PostgreSQL: read only this schema (names become scope-relative).")
    String schema;

    @Option(names = "--user", paramLabel = "USER", description = "User, if not in the URL.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Password, if not in the URL.")
    String password;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here instead of standard output.")
    Path out;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        Snapshot snapshot = new Engine().snapshot(ConnectionOptions.target(url, user, password, schema),
                connection.inspectOptions());
        // Streamed: a large schema's JSON is tens of megabytes, never held as one string.
        ObjectWriter writer = Canonical.MAPPER.writer(SerializationFeature.INDENT_OUTPUT)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (out != null) {
            try (Writer file = Files.newBufferedWriter(out)) {
                writer.writeValue(file, snapshot);
                file.write('\n');
            }
            spec.commandLine().getErr().println("driftd: wrote " + snapshot.byKey().size() + " objects, fingerprint "
                    + snapshot.fingerprint() + " to " + out);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            writer.writeValue(stdout, snapshot);
            stdout.print('\n');
            stdout.flush();
        }
        return Main.IN_SYNC;
    }
}
