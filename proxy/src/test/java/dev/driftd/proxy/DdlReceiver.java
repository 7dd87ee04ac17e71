package dev.driftd.proxy;

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

/** Stands in for the daemon's POST /api/v1/events/ddl: records every event and its bearer token. */
final class DdlReceiver implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    record Received(JsonNode body, String authorization, long arrivedNanos) {
        String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> events = new LinkedBlockingQueue<>();

    DdlReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/events/ddl", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                events.add(new Received(JSON.readTree(body), exchange.getRequestHeaders().getFirst("Authorization"),
                        System.nanoTime()));
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

    /** Waits for the next event, at most the given time; null when none came. */
    Received next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Collects events until none arrives for quietMillis. */
    List<Received> drain(long quietMillis) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        Received r;
        while ((r = events.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
            all.add(r);
        }
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
