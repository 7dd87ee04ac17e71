package dev.driftd.cli;

import dev.driftd.engine.Engine;
import dev.driftd.schema.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintWriter;
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

    @Mixin
    LoginOptions login;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here instead of standard output.")
    Path out;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        Snapshot snapshot = new Engine().snapshot(login.target(url, schema),
                connection.inspectOptions());
        if (out != null) {
            try (OutputStream file = Files.newOutputStream(out)) {
                snapshot.writeJson(file);
                file.write('\n');
            }
            spec.commandLine().getErr().println("driftd: wrote " + snapshot.byKey().size() + " objects, fingerprint "
                    + snapshot.fingerprint() + " to " + out);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            if (stdout instanceof ByteSink sink) {
                OutputStream bytes = sink.bytes();
                snapshot.writeJson(bytes);
                bytes.write('\n');
                bytes.flush();
            } else {
                snapshot.writeJson(stdout);
                stdout.print('\n');
                stdout.flush();
            }
        }
        return Main.IN_SYNC;
    }
}
