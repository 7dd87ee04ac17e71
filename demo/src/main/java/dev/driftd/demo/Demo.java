package dev.driftd.demo;

import dev.driftd.daemon.RunningDaemon;
import dev.driftd.fleet.SweepResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar driftd-demo.jar}: an embedded PostgreSQL with a golden database and drifted tenants, a
 * config written for them, and the real daemon running on it. Everything lives in one temporary
 * directory that {@link #close()} removes with the server.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    public static final String FLEET = "tenants";
    public static final String SCHEDULE = "0/15 * * * * ?";

    private final Path dir;
    private final EmbeddedPostgres postgres;
    private final RunningDaemon daemon;
    private final String adminToken;
    private final String readToken;
    private final List<String> story;
    private final SweepResult firstSweep;

    private Demo(Path dir, EmbeddedPostgres postgres, RunningDaemon daemon, String adminToken, String readToken,
                 List<String> story, SweepResult firstSweep) {
        this.dir = dir;
        this.postgres = postgres;
        this.daemon = daemon;
        this.adminToken = adminToken;
        this.readToken = readToken;
        this.story = story;
        this.firstSweep = firstSweep;
    }

    /**
     * Starts the embedded server, creates and drifts the databases, writes the config, starts the
     * daemon listening on {@code bind} and runs a first sweep so drift shows at once.
     */
    public static Demo start(InetSocketAddress bind) throws Exception {
        Path dir = Files.createTempDirectory("driftd-demo-");
        EmbeddedPostgres pg = null;
        RunningDaemon daemon = null;
        try {
            pg = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
            String server = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
            List<String> story = new ArrayList<>();
            story.add("started an embedded PostgreSQL on 127.0.0.1:" + pg.getPort() + " (user postgres, no password)");
            story.addAll(DemoFleet.create(server, "postgres"));
            String admin = token();
            String read = token();
            writeSecret(dir.resolve("admin.token"), admin);
            writeSecret(dir.resolve("read.token"), read);
            Path config = dir.resolve("driftd.yaml");
            Files.writeString(config, config(pg.getPort(), bind, dir), StandardCharsets.UTF_8);
            story.add("wrote " + config + " (fleet '" + FLEET + "': golden " + DemoFleet.GOLDEN
                    + ", members discovered as databases matching " + DemoFleet.TENANT_PREFIX + ".*, swept every 15 s)");
            daemon = RunningDaemon.start(config, bind);
            SweepResult first = daemon.fleets().sweepNow(FLEET).get(2, TimeUnit.MINUTES);
            return new Demo(dir, pg, daemon, admin, read, story, first);
        } catch (Exception | Error e) {
            if (daemon != null) {
                daemon.close();
            }
            if (pg != null) {
                pg.close();
            }
            deleteTree(dir);
            throw e;
        }
    }

    static String config(int pgPort, InetSocketAddress bind, Path dir) {
        String server = "jdbc:postgresql://127.0.0.1:" + pgPort;
        int port = bind.getPort() == 0 ? 9741 : bind.getPort(); // the daemon is told the real bind; the file needs a valid one
        return """
                # Written by driftd-demo.jar; removed when the demo stops.
                server:
                  bind: %s:%d
                  tokens:
                    - {name: demo-admin, role: admin, secret: "${file:admin.token}"}
                    - {name: demo-read, role: read, secret: "${file:read.token}"}
                store:
                  url: "jdbc:h2:file:%s"
                fleets:
                  - name: %s
                    schedule: "%s"
                    golden: {url: "%s/%s?user=postgres"}
                    concurrency: 4
                    timeout: 10s
                    discover:
                      - {url: "%s/postgres?user=postgres", databases: "%s.*"}
                """.formatted(bind.getHostString(), port, dir.resolve("store").resolve("driftd").toString().replace('\\', '/'),
                FLEET, SCHEDULE, server, DemoFleet.GOLDEN, server, DemoFleet.TENANT_PREFIX);
    }

    public RunningDaemon daemon() {
        return daemon;
    }

    public String adminToken() {
        return adminToken;
    }

    public String readToken() {
        return readToken;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public List<String> story() {
        return story;
    }

    public SweepResult firstSweep() {
        return firstSweep;
    }

    /** Stops the daemon and the embedded server and removes the temporary directory. */
    @Override
    public void close() {
        try {
            daemon.close();
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("stopping the embedded PostgreSQL: {}", e.getMessage());
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static String token() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the temp directory is the user's own anyway
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.debug("cannot clean {}: {}", dir, e.getMessage());
        }
    }
}
