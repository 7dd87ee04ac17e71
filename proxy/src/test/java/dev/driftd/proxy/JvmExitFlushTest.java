package dev.driftd.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A process that runs DDL and exits at once still reports it (the shutdown hook), and never hangs on exit. */
class JvmExitFlushTest {
    private TestServers.Server server;
    private String db;
    private DdlReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.postgres();
        assumeTrue(server != null, "no PostgreSQL: set DRIFTD_TEST_PG_URL or start one on 127.0.0.1:5432");
        db = server.createDatabase("proxy_exit");
        receiver = new DdlReceiver();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    private Process child(String endpoint, String sql) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ExitFlushChild.class.getName(),
                server.proxied(db, "driftd.endpoint=" + endpoint + "&driftd.application=migrate-job"), sql));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    @Test
    void eventsQueuedAtExitAreSent() throws Exception {
        Process p = child(receiver.endpoint(), "CREATE TABLE from_child (a int)");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        DdlReceiver.Received e = receiver.next(2_000);
        assertThat(e).as("event from the exiting child; its output: " + out).isNotNull();
        assertThat(e.text("statement")).isEqualTo("CREATE TABLE from_child (a int)");
        assertThat(e.text("application")).isEqualTo("migrate-job");
    }

    /** Milliseconds from the child's last statement to its exit: what the shutdown hook costs. */
    private static long exitDelayMillis(Process p) throws Exception {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long exited = System.currentTimeMillis();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ran at (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return exited - Long.parseLong(m.group(1));
    }
}
