package dev.driftd.proxy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporter's own accounting, without a database. */
class EventReporterTest {

    private static ProxyEvent event(int i) {
        return new ProxyEvent("CREATE TABLE t" + i + " (a int)", "CREATE", "postgresql", "db", 5432, "app", "public",
                "u", "test", "2026-11-26T05:00:00Z", false, Guard.WARN);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        try (DeliveryFailureTest.HangingServer hanging = new DeliveryFailureTest.HangingServer()) {
            EventReporter r = new EventReporter(URI.create("http://127.0.0.1:" + hanging.port()), null);
            int offered = EventReporter.CAPACITY + 100;
            long t0 = System.nanoTime();
            int accepted = 0;
            for (int i = 0; i < offered; i++) {
                if (r.offer(event(i)) > 0) {
                    accepted++;
                }
            }
            long offerNanos = System.nanoTime() - t0;
            // the sender holds at most one event (waiting on the hanging daemon); the queue the rest
            assertThat(accepted).isBetween(EventReporter.CAPACITY, EventReporter.CAPACITY + 1);
            assertThat(r.stats().dropped).isEqualTo(offered - accepted);
            // no offer waited for the sender: its one send to the hanging daemon gives up only at the 2 s read
            // timeout, and it has not yet (a blocking offer would have waited for exactly that)
            assertThat(r.stats().failed).as("sends that gave up while the offers ran").isZero();
            System.out.printf("offers: %d ns each (informational)%n", offerNanos / offered);
            // once the first send times out the endpoint counts as down and the queue drains fast
            assertThat(r.awaitAll(System.nanoTime() + 10_000_000_000L)).isTrue();
            DriftdProxy.Stats s = r.stats();
            assertThat(s.failed).isEqualTo(1);
            assertThat(s.dropped).isEqualTo(offered - 1);
            assertThat(s.sent).isZero();
            assertThat(s.queued).isZero();
            assertThat(s.lastError).contains("SocketTimeoutException");
        }
    }

    @Test
    void aRejectedEventIsAFailureAndTheErrorCarriesNoToken() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/events/ddl", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        server.start();
        try {
            EventReporter r = new EventReporter(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    "s3cret-token");
            long seq = r.offer(event(1));
            assertThat(r.awaitCompleted(seq, System.nanoTime() + 5_000_000_000L)).isTrue();
            DriftdProxy.Stats s = r.stats();
            assertThat(s.failed).isEqualTo(1);
            assertThat(s.sent).isZero();
            assertThat(s.lastError).startsWith("HTTP 401").doesNotContain("s3cret");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyAConnectionClosedUnderARequestIsSentAgain() {
        // a kept-alive connection the daemon closed while idle: resent once on a fresh one
        assertThat(EventReporter.closedKeptAliveConnection(
                new java.net.SocketException("Connection reset"))).isTrue();
        assertThat(EventReporter.closedKeptAliveConnection(
                new java.io.IOException("Unexpected end of file from server"))).isTrue();
        // a daemon that is down, unroutable or hanging: a failure, never resent at once
        assertThat(EventReporter.closedKeptAliveConnection(
                new java.net.ConnectException("Connection refused"))).isFalse();
        assertThat(EventReporter.closedKeptAliveConnection(
                new java.net.NoRouteToHostException("No route to host"))).isFalse();
        assertThat(EventReporter.closedKeptAliveConnection(
                new java.net.SocketTimeoutException("Read timed out"))).isFalse();
    }
}
