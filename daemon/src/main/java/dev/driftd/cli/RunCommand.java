package dev.driftd.cli;

import dev.driftd.config.ConfigLoader;
import dev.driftd.daemon.RunningDaemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "run", description = {
        "Run the daemon: sweep every fleet on its schedule, serve /metrics and the admin API.",
        "Stops cleanly on SIGTERM or Ctrl-C; SIGHUP re-reads the configuration (a bad file is rejected, the running one kept)."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file. Default: ./driftd.yaml, else /etc/driftd/driftd.yaml.")
    Path config;

    @Option(names = "--verbose", description = "Print the stack trace of a failure, not only its one-line reason.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path file = ConfigLoader.locate(config);
        RunningDaemon daemon = RunningDaemon.start(file, null);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before the "listening" line: whoever sees that line may send SIGTERM at once.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("driftd stopping");
            try {
                daemon.close();
                LOG.info("driftd stopped");
            } finally {
                stopped.countDown();
            }
        }, "driftd-shutdown"));
        InetSocketAddress a = daemon.address();
        LOG.info("driftd listening on http://{}:{} (config {})", hostForUrl(a), a.getPort(), file);
        onSighup(daemon);
        stopped.await();
        return Main.IN_SYNC;
    }

    /** SIGHUP re-reads the configuration, like POST /api/v1/reload. Skipped where the JVM cannot catch it. */
    private static void onSighup(RunningDaemon daemon) {
        if (hupIgnoredByParent()) {
            // the JVM silently installs no handler for a signal ignored at start (nohup does that)
            LOG.warn("SIGHUP is ignored by the process that started driftd (nohup?): reload with POST /api/v1/reload");
            return;
        }
        try {
            Signal.handle(new Signal("HUP"), sig -> {
                try {
                    daemon.fleets().reload();
                } catch (RuntimeException e) {
                    LOG.warn("reload on SIGHUP rejected, the running configuration is kept: {}", e.getMessage());
                }
            });
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGHUP cannot be caught on this platform; reload with POST /api/v1/reload");
        }
    }

    /** Linux: bit 0 of SigIgn in /proc/self/status is SIGHUP. False where that file does not exist. */
    static boolean hupIgnoredByParent() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 1L) != 0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    static String hostForUrl(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
