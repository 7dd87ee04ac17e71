package dev.driftd.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftd.engine.Engine;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
        String json = Canonical.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(snapshot) + "\n";
        if (out != null) {
            Files.writeString(out, json);
            spec.commandLine().getErr().println("driftd: wrote " + snapshot.byKey().size() + " objects, fingerprint "
                    + snapshot.fingerprint() + " to " + out);
        } else {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        }
        return Main.IN_SYNC;
    }
}
