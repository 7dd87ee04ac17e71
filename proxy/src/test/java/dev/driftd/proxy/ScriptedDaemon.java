package dev.driftd.proxy;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in daemon whose answers a test scripts: each request takes the next scripted answer (the
 * last one repeats), so a test can play 401, 404, 429-then-202 or "202, matched nobody". GETs (the
 * proxy's self-test) get {@link #onGet} and leave the script alone.
 */
final class ScriptedDaemon implements AutoCloseable {
    record Answer(int status, String body, String retryAfter) {
    }

    record Request(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer last = new Answer(202, "{\"status\":\"accepted\",\"members\":1}", null);
    /** What every GET (the proxy's self-test) gets. */
    volatile Answer onGet = new Answer(200, "{\"status\":\"ok\"}", null);
    final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedDaemon(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                Answer a = exchange.getRequestMethod().equals("GET") ? onGet : script.poll();
                if (exchange.getRequestMethod().equals("GET")) {
                    // the self-test does not consume the script
                } else if (a == null) {
                    a = last;
                } else {
                    last = a;
                }
                if (a.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
                }
                byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    exchange.getResponseBody().write(out);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long posts() {
        return requests.stream().filter(r -> r.method().equals("POST")).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
