package dev.driftd.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon for DDL event tests: a {@code report}-role token besides admin and read, metric
 * reading, polling, and the real JDBC proxy driver loaded from
 * the proxy module's build output (the reactor builds the proxy module first).
 */
final class EventDaemon extends E2eDaemon {
    static final String ADMIN = "ev-admin-token-0c4f1a";
    static final String READ = "ev-read-token-77b2e9";
    static final String REPORT = "ev-report-token-e51d03";
    static final Path PROXY_CLASSES = locateProxyClasses();

    EventDaemon(String fleets) throws Exception {
        super("""
                - {name: ev-admin, role: admin, secret: "%s"}
                - {name: ev-read, role: read, secret: "%s"}
                - {name: ev-proxy, role: report, secret: "%s"}
                """.formatted(ADMIN, READ, REPORT), ADMIN, Map.of(), fleets);
    }

    HttpResponse<String> postEvent(String token, String body) throws IOException, InterruptedException {
        return send("POST", "/api/v1/events/ddl", token, body);
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", path, READ, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** A sample's value in the exposition, e.g. {@code driftd_ddl_events_total{fleet="pg",member="x"}}; NaN when absent. */
    double metric(String series) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Member snapshots taken so far in a fleet (sweeps and events alike). */
    double snapshots(String fleet) throws IOException, InterruptedException {
        double v = metric("driftd_snapshot_duration_seconds_count{fleet=\"" + fleet + "\"}");
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * Waits until the daemon's DDL intake is settled: no debounce window open, no event snapshot
     * queued or running (DdlIntake#settled, package-private in the daemon, so read by reflection
     * rather than widening the production API). Fails after {@code timeout}, a bound against a hang only.
     */
    void awaitDdlSettled(Duration timeout) throws Exception {
        Object service = daemon.fleets();
        java.lang.reflect.Method intakeOf = service.getClass().getDeclaredMethod("ddlIntake");
        intakeOf.setAccessible(true);
        Object intake = intakeOf.invoke(service);
        java.lang.reflect.Method settled = intake.getClass().getDeclaredMethod("settled");
        settled.setAccessible(true);
        long end = System.nanoTime() + timeout.toNanos();
        while (!(Boolean) settled.invoke(intake)) {
            assertThat(System.nanoTime()).as("DDL intake not settled within " + timeout).isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** Polls GET {@code path} until the JSON satisfies {@code ok}; fails after {@code timeout}. */
    JsonNode await(String path, Duration timeout, Predicate<JsonNode> ok) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode last;
        do {
            last = getJson(path);
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError("not within " + timeout + ": GET " + path + " -> " + last);
    }

    static JsonNode member(JsonNode fleet, String name) {
        for (JsonNode m : fleet.path("members")) {
            if (m.path("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no member " + name + " in " + fleet);
    }

    /** A connection through the real JDBC proxy driver ({@code jdbc:driftd:...}) reporting to this daemon. */
    Connection proxied(String realUrl, String application) throws Exception {
        return proxied(realUrl, application, "off");
    }

    /** As {@link #proxied(String, String)}, under the given {@code driftd.guard} (off, warn, block). */
    Connection proxied(String realUrl, String application, String guard) throws Exception {
        Driver driver = (Driver) ProxyLoader.LOADER.loadClass("dev.driftd.proxy.DriftdDriver")
                .getDeclaredConstructor().newInstance();
        String url = realUrl.replaceFirst("^jdbc:", "jdbc:driftd:") + (realUrl.contains("?") ? "&" : "?")
                + "driftd.endpoint=" + base + "&driftd.guard=" + guard + "&driftd.application=" + application;
        Properties p = new Properties();
        p.setProperty("driftd.token", REPORT); // the token as a property: never in a URL
        Connection c = driver.connect(url, p);
        if (c == null) {
            throw new SQLException("the proxy driver did not accept " + url);
        }
        return c;
    }

    private static final class ProxyLoader {
        static final URLClassLoader LOADER;

        static {
            try {
                LOADER = new URLClassLoader(new URL[]{PROXY_CLASSES.toUri().toURL()}, EventDaemon.class.getClassLoader());
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** proxy/target/classes next to this module (the test's working directory is daemon/). */
    private static Path locateProxyClasses() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p : new Path[]{here.resolveSibling("proxy"), here.resolve("proxy")}) {
            Path classes = p.resolve("target/classes");
            if (Files.exists(classes.resolve("dev/driftd/proxy/DriftdDriver.class"))) {
                return classes;
            }
        }
        return null;
    }
}
