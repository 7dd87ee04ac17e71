package dev.driftd.proxy.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Plays the daemon's /api/v1/events/ddl for these tests: keeps every event body POSTed, answers the self-test GET. */
final class EventSink implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    EventSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/events/ddl", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                if (exchange.getRequestMethod().equals("GET")) {
                    // the proxy's self-test at its first connection (driftd.check): answered as the daemon does
                    byte[] body = "{\"role\":\"report\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                events.add(JSON.readTree(in.readAllBytes()));
                exchange.sendResponseHeaders(202, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every event until none has arrived for quietMillis. */
    List<JsonNode> drain(long quietMillis) throws InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        JsonNode e;
        while ((e = events.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
            all.add(e);
        }
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
