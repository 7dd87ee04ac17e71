package dev.driftd.demo;

import dev.driftd.cli.OneLineErrors;
import dev.driftd.fleet.SweepResult;
import dev.driftd.logging.JulBridge;
import dev.driftd.logging.Redactor;
import dev.driftd.metrics.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar driftd-demo.jar}: the demo's whole command line, the main class of its own jar
 * so that the production {@code driftd.jar} carries no embedded PostgreSQL. Failures are reported
 * as the production CLI reports them: exit 2 and one line on standard error.
 */
@Command(name = "driftd-demo", mixinStandardHelpOptions = true, versionProvider = DemoCommand.Version.class,
        description = {
        "Run the whole product on an embedded PostgreSQL: a golden database, tenant databases, four of them drifted,",
        "and the daemon watching them. Needs nothing but Java. Ctrl-C stops it and removes everything it created."})
public final class DemoCommand implements Callable<Integer> {
    static final int STOPPED = 0;
    static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bind", defaultValue = "127.0.0.1:9741", paramLabel = "HOST:PORT",
            description = "Where the admin API and /metrics listen. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--verbose", description = "Print the stack trace of a failure, not only its one-line reason.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the demo's command line with the given streams; returns its exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        // drivers' java.util.logging output must go through the masking log pipeline, as in driftd
        JulBridge.install();
        CommandLine cli = new CommandLine(new DemoCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler((ex, a) -> {
            String message = ex.getMessage() == null ? "bad command line" : ex.getMessage().strip();
            err.println("driftd-demo: " + Redactor.redact(message.lines().findFirst().orElse(message))
                    + " (try 'java -jar driftd-demo.jar --help')");
            err.flush();
            return ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress address = parseBind(bind);
        out.println("driftd-demo: starting an embedded PostgreSQL and the daemon (about ten seconds)...");
        out.flush();
        Demo demo = Demo.start(address);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                out.println("driftd-demo: stopping and removing the demo databases...");
                out.flush();
                demo.close();
            } finally {
                stopped.countDown();
            }
        }, "driftd-demo-shutdown"));
        print(out, demo);
        stopped.await();
        return STOPPED;
    }

    private static void print(PrintWriter out, Demo demo) {
        InetSocketAddress a = demo.daemon().address();
        String base = "http://" + hostForUrl(a) + ":" + a.getPort();
        String auth = "-H \"Authorization: Bearer $DRIFTD_TOKEN\"";
        String member = base + "/api/v1/fleets/" + Demo.FLEET + "/members/" + DemoFleet.TENANT_PREFIX + "hooli";
        out.println();
        for (String line : demo.story()) {
            out.println("  * " + line);
        }
        SweepResult r = demo.firstSweep();
        out.printf("  * first sweep: %d members, %d in sync, %d drifted, %d unreachable%n",
                r.members(), r.inSync(), r.drifted(), r.unreachable());
        out.println();
        out.println("driftd is listening on " + base);
        out.println("  metrics:  " + base + "/metrics");
        out.println("  API:      " + base + "/api/v1/fleets/" + Demo.FLEET);
        out.println("  console:  " + base + "/ui/   (sign in with the admin token below)");
        out.println();
        out.println("Admin token (generated for this run):");
        out.println("  export DRIFTD_TOKEN=" + demo.adminToken());
        out.println("Read-only token (the console without plans, approvals or sweeps):");
        out.println("  " + demo.readToken());
        out.println();
        out.println("Try:");
        out.println("  curl -s " + base + "/metrics | grep '^driftd_member_drift{'");
        out.println("  curl -s " + auth + " " + base + "/api/v1/fleets/" + Demo.FLEET);
        out.println("  curl -s " + auth + " " + member + "/diff");
        out.println("  curl -s " + auth + " " + member + "/reconcile");
        out.println("  curl -s -X POST " + auth + " '" + base + "/api/v1/fleets/" + Demo.FLEET + "/sweep?wait=true'");
        out.println("Reconcile a tenant (with psql installed), then watch it return to in_sync on the next sweep:");
        out.println("  curl -s " + auth + " " + member + "/reconcile | psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "
                + demo.postgresPort() + " -U postgres " + DemoFleet.TENANT_PREFIX + "hooli");
        out.println();
        out.println("Ctrl-C stops the demo and removes its databases and files.");
        out.flush();
    }

    static InetSocketAddress parseBind(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--bind '" + s + "' is not host:port");
        }
        String host = s.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bind '" + s + "' has a port that is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--bind '" + s + "' has a port out of range");
        }
        return new InetSocketAddress(host, port);
    }

    // the address as a URL's host: an IPv6 literal needs brackets (the daemon's own log line does the same)
    private static String hostForUrl(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** {@code --version}: the build the demo runs, read where {@code driftd version} reads it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.current();
            return new String[]{"driftd-demo " + b.version(), "revision: " + b.revision(), "java: " + b.java()};
        }
    }
}
