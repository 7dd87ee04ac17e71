package dev.driftd.proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A daemon that is down (closed port) or hangs (accepts and never answers) must cost the
 * application nothing measurable; the events are dropped and counted.
 */
class DeliveryFailureTest {
    private TestServers.Server server;
    private String db;
    private HangingServer hanging;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.postgres();
        assumeTrue(server != null, "no PostgreSQL: set DRIFTD_TEST_PG_URL or start one on 127.0.0.1:5432");
        db = server.createDatabase("proxy_fail");
        hanging = new HangingServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (hanging != null) {
            hanging.close();
        }
        if (db != null) {
            server.dropDatabase(db);
        }
    }

    @Test
    void downOrHangingDaemonCostsTheApplicationNothingAndDropsAreCounted() throws Exception {
        ClosedPort closedPort = new ClosedPort();
        String downEndpoint = "http://127.0.0.1:" + closedPort.port();
        String hangEndpoint = "http://127.0.0.1:" + hanging.port();
        int n = 40;
        long[] baseline = new long[n]; // the proxy reporting to a daemon that answers
        long[] down = new long[n];
        long[] hang = new long[n];
        DdlReceiver receiver = new DdlReceiver();
        String answeringEndpoint = receiver.endpoint();
        // the answering daemon stays up (and the closed port reserved) until every event is
        // accounted for: the proxy sends in the background, after the statements have returned
        try (receiver; closedPort) {
            try (Connection plain = DriverManager.getConnection(server.proxied(db, "driftd.endpoint=" + answeringEndpoint));
                 Connection toDown = DriverManager.getConnection(
                         server.proxied(db, "driftd.endpoint=" + downEndpoint + "&driftd.check=false"));
                 Connection toHang = DriverManager.getConnection(
                         server.proxied(db, "driftd.endpoint=" + hangEndpoint + "&driftd.check=false"))) {
                Statement sp = plain.createStatement();
                Statement sd = toDown.createStatement();
                Statement sh = toHang.createStatement();
                // The first event goes to the hanging daemon alone. Sent on the application's thread, it would
                // return only once the send gave up (1 s connect / 2 s read timeout) and so counted as failed;
                // sent in the background, the statement is back while that send is still unanswered.
                hang[0] = time(sh, "CREATE TABLE hang_0 (a int)");
                assertThat(DriftdProxy.stats(hangEndpoint).failed).as("sends that gave up before the DDL returned")
                        .isZero();
                for (int i = 0; i < n; i++) {
                    baseline[i] = time(sp, "CREATE TABLE base_" + i + " (a int)");
                    down[i] = time(sd, "CREATE TABLE down_" + i + " (a int)");
                    if (i > 0) {
                        hang[i] = time(sh, "CREATE TABLE hang_" + i + " (a int)");
                    }
                }
            }
            // informational (the proxy overhead benchmark measures it properly): no assertion races the clock
            System.out.printf("DDL latency median (us): daemon answering %d, daemon down %d, daemon hanging %d%n",
                    median(baseline) / 1000, median(down) / 1000, median(hang) / 1000);

            // every event is accounted for as lost (failed or dropped), none as sent
            // (each endpoint's own counters: another test's sends cannot move them)
            Await.until("every event accounted for", Duration.ofSeconds(180), () ->
                    DriftdProxy.stats(downEndpoint).lost() + DriftdProxy.stats(hangEndpoint).lost() >= 2L * n
                            && DriftdProxy.stats(answeringEndpoint).sent >= n);
            DriftdProxy.Stats toDownStats = DriftdProxy.stats(downEndpoint);
            DriftdProxy.Stats toHangStats = DriftdProxy.stats(hangEndpoint);
            assertThat(toDownStats.lost()).isEqualTo(n);
            assertThat(toHangStats.lost()).isEqualTo(n);
            assertThat(toDownStats.sent + toHangStats.sent).isZero();
            assertThat(DriftdProxy.stats(answeringEndpoint).sent).isEqualTo(n);
            assertThat(toDownStats.failed + toHangStats.failed).isBetween(2L, (long) 2 * n);
            assertThat(toDownStats.lastError).contains("cannot reach");
            assertThat(toHangStats.lastError).contains("did not answer in time");
        }
    }

    private static long time(Statement s, String sql) throws SQLException {
        long t0 = System.nanoTime();
        s.execute(sql);
        return System.nanoTime() - t0;
    }

    private static long median(long[] xs) {
        long[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }


    /** Accepts connections and never reads or answers. */
    static final class HangingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        HangingServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hanging-daemon");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Connections accepted so far: each is a send that reached this "daemon". */
        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : new ArrayList<>(held)) {
                s.close();
            }
        }
    }
}
