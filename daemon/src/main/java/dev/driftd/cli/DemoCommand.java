package dev.driftd.cli;

import dev.driftd.demo.Demo;
import dev.driftd.demo.DemoFleet;
import dev.driftd.fleet.SweepResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "demo", description = {
        "Run the whole product on an embedded PostgreSQL: a golden database, tenant databases, four of them drifted,",
        "and the daemon watching them. Needs nothing but Java. Ctrl-C stops it and removes everything it created."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bind", defaultValue = "127.0.0.1:9741", paramLabel = "HOST:PORT",
            description = "Where the admin API and /metrics listen. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--verbose", description = "Print the stack trace of a failure, not only its one-line reason.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress address = parseBind(bind);
        out.println("driftd demo: starting an embedded PostgreSQL and the daemon (about ten seconds)...");
        out.flush();
        Demo demo = Demo.start(address);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                out.println("driftd demo: stopping and removing the demo databases...");
                out.flush();
                demo.close();
            } finally {
                stopped.countDown();
            }
        }, "driftd-demo-shutdown"));
        print(out, demo);
        stopped.await();
        return Main.IN_SYNC;
    }

    private static void print(PrintWriter out, Demo demo) {
        InetSocketAddress a = demo.daemon().address();
        String base = "http://" + RunCommand.hostForUrl(a) + ":" + a.getPort();
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
}
