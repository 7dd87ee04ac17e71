package dev.driftd.cli;

import dev.driftd.dialect.DbTarget;
import dev.driftd.engine.Engine;
import dev.driftd.selfcheck.SelfCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "selfcheck", description = {
        "Prove the engine on your own server: for every object kind driftd models, in scratch databases",
        "(driftd_selfcheck_<random>_g and _t) it creates and drops again, create the object on one side,",
        "snapshot both, plan and apply both ways (create, drop, alter, alter back), inspect again and",
        "compare fingerprints. Prints one row per kind.",
        "Exit 0 when every kind passes, 1 when one fails, 2 on bad options or when the server cannot be used.",
        "The user needs the right to create and drop databases."})
final class SelfcheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "The server to check (its database is only used to connect; nothing in it is touched).")
    String url;

    @Mixin
    LoginOptions login;

    @Mixin
    ConnectionOptions connection;

    /** Set by tests: the engine to check (production uses the default dialects). */
    Engine engine = new Engine();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DbTarget server = login.target(url, null);
        SelfCheck check = new SelfCheck(engine, server, connection.inspectOptions());
        // Ctrl-C: let the current step end and the scratch databases be dropped before the JVM exits
        Thread hook = new Thread(() -> {
            try {
                check.cancelAndAwait(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "driftd-selfcheck-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        SelfCheck.Report report;
        try {
            // the header only once the server proved usable: a connection error is one line, nothing else
            boolean[] header = {false};
            report = check.run(r -> {
                if (!header[0]) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("driftd: self-check in scratch databases " + String.join(" and ", check.scratchNames())
                            + " on " + server.redactedUrl() + " (dropped at the end, also on Ctrl-C)");
                    err.flush();
                    out.printf(Locale.ROOT, "%-28s %s%n", "KIND", "RESULT");
                    header[0] = true;
                }
                out.printf(Locale.ROOT, "%-28s %s%n", r.kind(), r.passed() ? "pass" : "FAIL  " + r.reason());
                out.flush();
            });
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and waits for us: nothing to remove
            }
        }
        long failed = report.results().stream().filter(r -> !r.passed()).count();
        out.printf(Locale.ROOT, "%s%d kinds on %s %s: %d pass, %d FAIL in %.1f s (scratch databases %s dropped)%n",
                report.interrupted() ? "INTERRUPTED after " : "", report.results().size(), report.flavor(), report.serverVersion(),
                report.results().size() - failed, failed, (System.nanoTime() - started) / 1e9, String.join(", ", report.scratch()));
        out.flush();
        return report.passed() ? Main.IN_SYNC : report.interrupted() ? Main.ERROR : Main.DRIFT;
    }
}
