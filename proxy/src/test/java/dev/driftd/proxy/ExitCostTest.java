package dev.driftd.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 22 part 5: a daemon that hangs costs a process at most about 200 ms at exit (the shutdown
 * hook's bound), while one that answers still gets the event of a process that exits at once.
 */
class ExitCostTest {
    private TestServers.Server server;
    private String db;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.postgres();
        assumeTrue(server != null, "no PostgreSQL: set DRIFTD_TEST_PG_URL or start one on 127.0.0.1:5432");
        db = server.createDatabase("p22a_exit");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    /** Milliseconds from the child's last statement to its exit. */
    private long exitDelay(String endpoint, String sql) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ExitFlushChild.class.getName(),
                server.proxied(db, "driftd.endpoint=" + endpoint + "&driftd.application=p22a-exit"), sql))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long exited = System.currentTimeMillis();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = Pattern.compile("ran at (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return exited - Long.parseLong(m.group(1));
    }

    @Test
    void aHangingDaemonCostsAtMostAbout200MillisecondsAtExit() throws Exception {
        try (DdlReceiver receiver = new DdlReceiver();
             DeliveryFailureTest.HangingServer hanging = new DeliveryFailureTest.HangingServer()) {
            long answering = exitDelay(receiver.endpoint(), "CREATE TABLE fast (a int)");
            DdlReceiver.Received e = receiver.next(5_000);
            assertThat(e).as("the exiting child's event").isNotNull();
            assertThat(e.text("statement")).isEqualTo("CREATE TABLE fast (a int)");
            long hangingDelay = exitDelay("http://127.0.0.1:" + hanging.port(), "CREATE TABLE slow (a int)");
            System.out.printf("child exit after its last statement: daemon answering %d ms, daemon hanging %d ms%n",
                    answering, hangingDelay);
            // the hook waits 200 ms for the hanging daemon, then closes the request (measured: 210-225 ms in
            // all); before, it waited a second and the JVM ~300 ms more for the blocked thread. The margin is
            // for a loaded machine, where even the answering case varied from 40 to 470 ms.
            assertThat(hangingDelay).isLessThan(Math.max(answering, 100) + 600);
        }
    }
}
