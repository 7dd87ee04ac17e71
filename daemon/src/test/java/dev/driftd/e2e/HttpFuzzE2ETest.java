package dev.driftd.e2e;

import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, bounded fuzz of the admin API and the DDL event endpoint against the real daemon
 * (real PostgreSQL fleet, H2 store): random methods, paths built from the real routes with
 * hostile segments, query strings, tokens, headers, mutated event bodies, malformed HTTP and
 * pipelined bursts, over raw sockets so nothing is cleaned up by a client library. Every answer
 * must be a 2xx-4xx within the deadline (no 5xx, no hang, no dropped pipelined answer), and the
 * probes must keep answering throughout. The seed is fixed; a failure names the request.
 */
class HttpFuzzE2ETest {
    static final long SEED = 0x14_2026_12_06L;
    static final int REQUESTS = 1_500;
    static final long BUDGET_NANOS = 25_000_000_000L;
    static final String ADMIN = "fz-admin-token-3e8a91c2";
    static final String READ = "fz-read-token-b7d04f1e";
    static final String REPORT = "fz-report-token-5a62c0d9";

    static final class FuzzDaemon extends E2eDaemon {
        FuzzDaemon(String fleets) throws Exception {
            super("""
                    - {name: fz-admin, role: admin, secret: "%s"}
                    - {name: fz-read, role: read, secret: "%s"}
                    - {name: fz-proxy, role: report, secret: "%s"}
                    """.formatted(ADMIN, READ, REPORT), ADMIN, Map.of(), fleets);
        }
    }

    final Random rnd = new Random(SEED);
    int port;
    String dbName;
    int pgPort;

    @Test
    void noRequestGetsA5xxOrHangsAndProbesKeepAnswering() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String run = "fz" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String[] schema = {"CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL)"};
        try (TestDatabase golden = pg.createDatabase(run + "_golden").execute(schema);
             TestDatabase t1 = pg.createDatabase(run + "_t1").execute(schema)) {
            t1.execute("ALTER TABLE customers ADD COLUMN note text");
            String fleets = DaemonHarness.manualFleet("pg", golden.url(), t1.url());
            try (FuzzDaemon d = new FuzzDaemon(fleets)) {
                d.sweep("pg");
                port = d.daemon.address().getPort();
                dbName = t1.name();
                pgPort = pg.port();
                hostileEventsAreTakenInQuickly();
                long start = System.nanoTime();
                int sent = 0;
                while (sent < REQUESTS && System.nanoTime() - start < BUDGET_NANOS) {
                    if (rnd.nextInt(8) == 0) {
                        pipelined();
                    } else {
                        one(request());
                    }
                    sent++;
                    if (sent % 50 == 0) {
                        probesAnswer();
                    }
                }
                probesAnswer();
                System.out.println("HTTP fuzz: " + sent + " requests (seed " + SEED + ") in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
                assertThat(sent).isGreaterThan(200);
            }
        }
    }

    /**
     * Issue 14 item 3: four 65,536-character events (a name run, a string literal, a quoted name,
     * all the matcher's worst cases) held every HTTP worker for minutes, or overflowed the stack.
     */
    private void hostileEventsAreTakenInQuickly() throws IOException {
        String[] statements = {"a".repeat(65_536), "'" + "y".repeat(65_534) + "'", "\\\"" + "z".repeat(65_530) + "\\\".t",
                "ALTER TABLE " + "b".repeat(65_000) + " ADD c int"};
        for (String st : statements) {
            String body = ("{\"statement\": \"" + st + "\", \"flavor\": \"postgresql\", \"serverHost\": \"127.0.0.1\","
                    + " \"serverPort\": " + pgPort + ", \"database\": \"" + dbName + "\", \"time\": \"2026-11-26T05:00:00Z\"}");
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            List<Integer> s = exchange(("POST /api/v1/events/ddl HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + REPORT
                    + "\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8), 5_000);
            assertThat(s).as(st.substring(0, 20)).containsExactly(202);
            assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for a hostile event").isLessThan(2_000);
            probesAnswer();
        }
    }

    /** A single request on its own connection: one answer, 2xx to 4xx. */
    private void one(byte[] request) throws IOException {
        List<Integer> statuses = exchange(request, 10_000);
        String shown = show(request);
        assertThat(statuses).as("answers to " + shown).hasSizeBetween(0, 1);
        if (statuses.isEmpty()) {
            // only a connection the server may close without an answer: bytes that are not a request line at all
            assertThat(shown).as("no answer to a well-formed request").doesNotStartWith("GET /")
                    .doesNotStartWith("POST /");
            return;
        }
        assertThat(statuses.get(0)).as(shown).isBetween(200, 499);
    }

    /** Several well-formed requests in one write, the last asking to close: one answer each, in order. */
    private void pipelined() throws IOException {
        int n = 2 + rnd.nextInt(5);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] probe = {"/healthz", "/readyz", "/api/v1/fleets", "/api/v1/fleets/pg",
                    "/api/v1/fleets/pg/members/t1/diff", "/api/v1/fleets/nosuch", "/api/v1/audit?since=" + junk(8)};
            String path = probe[rnd.nextInt(probe.length)];
            String r = "GET " + path.replace(" ", "%20") + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + READ + "\r\n"
                    + (i == n - 1 ? "Connection: close\r\n" : "") + "\r\n";
            shown.add(path);
            all.writeBytes(r.getBytes(StandardCharsets.UTF_8));
        }
        List<Integer> statuses = exchange(all.toByteArray(), 10_000);
        assertThat(statuses).as("pipelined " + shown).hasSize(n);
        for (int s : statuses) {
            assertThat(s).as("pipelined " + shown).isBetween(200, 499);
        }
    }

    private void probesAnswer() throws IOException {
        for (String p : List.of("/healthz", "/readyz", "/metrics")) {
            long t0 = System.nanoTime();
            List<Integer> s = exchange(("GET " + p + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII), 2_000);
            assertThat(s).as(p).containsExactly(200);
            assertThat((System.nanoTime() - t0) / 1_000_000).as(p + " ms").isLessThan(2_000);
        }
    }

    // ---- generators ----

    private static final String[] ROUTES = {
            "/healthz", "/readyz", "/metrics", "/api/v1/fleets", "/api/v1/fleets/{f}", "/api/v1/fleets/{f}/members/{m}/diff",
            "/api/v1/fleets/{f}/members/{m}/reconcile", "/api/v1/fleets/{f}/sweep", "/api/v1/reload",
            "/api/v1/events/ddl", "/api/v1/events/ddl", "/api/v1/events/ddl", "/api/v1/fleets/{f}/members/{m}/plans",
            "/api/v1/fleets/{f}/members/{m}/plans/{id}", "/api/v1/fleets/{f}/members/{m}/plans/{id}/approve",
            "/api/v1/fleets/{f}/members/{m}/plans/{id}/apply", "/api/v1/audit", "/api/v1/fleets/{f}/rollouts",
            "/api/v1/fleets/{f}/rollouts/{id}", "/api/v1/fleets/{f}/rollouts/{id}/approve",
            "/api/v1/fleets/{f}/rollouts/{id}/start", "/", "/api", "/api/v1/../healthz"};
    private static final String[] METHODS = {"GET", "GET", "POST", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
            "get", "TRACE", "CONNECT", "BREW"};

    private byte[] request() {
        int kind = rnd.nextInt(20);
        if (kind == 0) {
            return bytes(1 + rnd.nextInt(400)); // not HTTP at all
        }
        String method = METHODS[rnd.nextInt(METHODS.length)];
        String path = ROUTES[rnd.nextInt(ROUTES.length)].replace("{f}", segment("pg")).replace("{m}", segment("t1"))
                .replace("{id}", segment("00000000-0000-0000-0000-000000000000"));
        if (path.endsWith("/sweep") && rnd.nextBoolean()) {
            path += "?wait=" + pick("true", "false", "", "perhaps", junk(3));
        }
        if (rnd.nextInt(4) == 0) {
            path += (path.contains("?") ? "&" : "?") + query();
        }
        if (path.endsWith("/events/ddl") || path.endsWith("/approve") || path.endsWith("/rollouts")) {
            method = rnd.nextInt(6) == 0 ? method : "POST";
        }
        String token = switch (rnd.nextInt(7)) {
            case 0 -> null;
            case 1 -> ADMIN;
            case 2, 3 -> READ;
            case 4, 5 -> REPORT;
            default -> junk(1 + rnd.nextInt(40));
        };
        byte[] body = path.endsWith("/events/ddl") ? event() : rnd.nextInt(3) == 0 ? json() : new byte[0];
        StringBuilder head = new StringBuilder();
        String version = rnd.nextInt(30) == 0 ? pick("HTTP/1.0", "HTTP/2.0", "HTTP/9", "HTTX/1.1") : "HTTP/1.1";
        head.append(method).append(' ').append(path).append(' ').append(version).append("\r\n");
        head.append("Host: x\r\n");
        if (token != null) {
            head.append("Authorization: ").append(rnd.nextInt(10) == 0 ? "bearer  " : "Bearer ").append(token).append("\r\n");
        }
        switch (rnd.nextInt(12)) {
            case 0 -> head.append("Content-Length: ").append(pick("-1", "abc", "99999999999999999999", "1, 2")).append("\r\n");
            case 1 -> head.append("Transfer-Encoding: chunked\r\n");
            case 2 -> head.append("X-").append(junk(5)).append(": ").append("v".repeat(rnd.nextInt(20_000))).append("\r\n");
            case 3 -> head.append("Expect: 100-continue\r\n");
            default -> {
            }
        }
        boolean chunked = head.indexOf("Transfer-Encoding: chunked") >= 0;
        boolean lengthGiven = head.indexOf("Content-Length") >= 0;
        if (!chunked && !lengthGiven) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (chunked) {
            out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (!lengthGiven) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** A path segment: the real name most of the time, else something hostile (percent-encoded where needed). */
    private String segment(String real) {
        return switch (rnd.nextInt(12)) {
            case 0 -> pick("%00", "%zz", "%", "%2F", "..", ".", "+", "%2B", "a+b", "%E2%82%AC", "%C3%28", "%FF%FE");
            case 1 -> "x".repeat(1 + rnd.nextInt(3000));
            case 2 -> junk(1 + rnd.nextInt(30));
            case 3 -> real + pick("%20", "'", "%22", "%3B", "%60", "*");
            default -> real;
        };
    }

    private String query() {
        String name = pick("since", "until", "fleet", "member", "rollout", "destructive", "wait", junk(4));
        String value = pick("2026-01-31T12:00:00Z", "%2B1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "yesterday", "", "true", "TRUE", "1", "%00", junk(10),
                "2026-13-45T99:99:99Z", "0001-01-01T00:00:00Z");
        return name + "=" + value + (rnd.nextInt(5) == 0 ? "&" + name + "=" + junk(3) : "");
    }

    /** A DDL event: the valid shape, mutated. */
    private byte[] event() {
        String statement = switch (rnd.nextInt(10)) {
            case 0 -> "a".repeat(rnd.nextInt(70_000));
            case 1 -> "'" + "y".repeat(rnd.nextInt(70_000));
            case 2 -> "\\\"" + "z".repeat(rnd.nextInt(70_000)) + "\\\".t";
            case 3 -> "CREATE TABLE t (a int)\\u0000";
            case 4 -> "ALTER TABLE `" + junk(20) + "`.t ADD c int -- " + junk(10);
            default -> "ALTER TABLE customers ADD COLUMN c" + rnd.nextInt(1000) + " int";
        };
        String portValue = rnd.nextInt(8) == 0 ? pick("18446744073709557048", "-1", "0", "65536", "5432.5", "\"5432\"",
                "1e3", "null", "9223372036854775808") : String.valueOf(pgPort);
        String database = rnd.nextInt(6) == 0 ? junk(12) : dbName;
        String json = "{\"statement\": \"" + statement + "\", \"flavor\": \"" + pick("postgresql", "mysql", "other", "")
                + "\", \"serverHost\": \"" + pick("127.0.0.1", "localhost", "::1", "db", "") + "\", \"serverPort\": "
                + portValue + ", \"database\": \"" + database + "\", \"schema\": \"public\", \"time\": \""
                + pick("2026-11-26T05:00:00Z", "+999999999-12-31T23:59:59Z", "2026-11-26", "0000-01-01T00:00:00Z")
                + "\", \"approved\": " + pick("true", "false", "1", "\"yes\"", "null") + ", \"guard\": "
                + pick("\"warn\"", "\"off\"", "\"strict\"", "null", "7") + "}";
        return switch (rnd.nextInt(12)) {
            case 0 -> (json + pick(" garbage", "{}", "]", "\u0000")).getBytes(StandardCharsets.UTF_8);
            case 1 -> json.substring(0, rnd.nextInt(json.length())).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.US_ASCII);
            case 3 -> bytes(rnd.nextInt(2_000));
            case 4 -> json.replace("\"statement\"", "\"statement\":1,\"x\"").getBytes(StandardCharsets.UTF_8);
            default -> json.getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] json() {
        return pick("{}", "{\"destructive\": true}", "{\"destructive\": 1}", "{\"fingerprint\": \"" + junk(10) + "\"}",
                "{\"member\": \"t1\"}", "{\"member\": 7}", "null", "[]", "{", "{\"a\":" + "[".repeat(3000),
                "{\"destructive\": true} trailing").getBytes(StandardCharsets.UTF_8);
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    /** Printable junk that is safe in a request line (percent-encoded where it must be). */
    private String junk(int n) {
        String alphabet = "abcXYZ019_-.~%25%2F%3F%23%26%3D%2B%20%00%27%22%60%3B%C3%A9";
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            int i = rnd.nextInt(alphabet.length());
            if (alphabet.charAt(i) == '%' && i + 2 < alphabet.length()) {
                b.append(alphabet, i, i + 3);
            } else if (alphabet.charAt(i) != '%') {
                b.append(alphabet.charAt(i));
            }
        }
        return b.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    // ---- the wire ----

    /** Writes the bytes, reads answers until the server closes; the status of each answer. */
    private List<Integer> exchange(byte[] request, int timeoutMs) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (SocketException closedEarly) {
                // the server may answer and close before reading all of a refused body
            }
            InputStream in = new BufferedInputStream(s.getInputStream());
            List<Integer> statuses = new ArrayList<>();
            try {
                while (true) {
                    String status = line(in);
                    if (status == null) {
                        return statuses;
                    }
                    if (status.startsWith("HTTP/1.1 100")) {
                        while (!line(in).isEmpty()) {
                            // skip the interim answer's headers
                        }
                        continue;
                    }
                    assertThat(status).as("status line for " + show(request)).matches("HTTP/1\\.1 \\d{3} .*");
                    statuses.add(Integer.parseInt(status.substring(9, 12)));
                    long length = 0;
                    String h;
                    while ((h = line(in)) != null && !h.isEmpty()) {
                        if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Long.parseLong(h.substring(15).trim());
                        }
                    }
                    if (show(request).startsWith("HEAD ")) {
                        return statuses; // HEAD: headers only (a malformed HEAD may get a body); one answer is all
                    }
                    try {
                        in.skipNBytes(length);
                    } catch (java.io.EOFException cut) {
                        throw new AssertionError("answer cut short for " + show(request), cut);
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer within " + timeoutMs + " ms (answers so far " + statuses + ") to "
                        + show(request), e);
            } catch (SocketException reset) {
                return statuses; // closed with our unread bytes: closed all the same
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    private static String show(byte[] request) {
        String s = new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        return s.replace("\r\n", " | ");
    }
}
