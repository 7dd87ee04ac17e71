package dev.driftd.e2e;

import dev.driftd.daemon.RunningDaemon;
import dev.driftd.diff.Severity;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.store.FleetRecord;
import dev.driftd.store.MemberRow;
import dev.driftd.store.ShardRecord;
import dev.driftd.store.Store;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark (run by bench/api-latency-bench.sh, not a test): latency of {@code GET /metrics} and
 * {@code GET /api/v1/fleets/{f}} of the real daemon ({@link RunningDaemon}: config file, store,
 * scheduler, admin HTTP server) over one fleet of N members (default 5,000).
 * <p>
 * The members' state is written to a real H2 store file through the store API a sweep uses
 * ({@code recordMember}, {@code saveFleetState}, {@code saveShardState}) before the daemon starts,
 * and the daemon restores it from there, as after a restart: no member database exists and the
 * fleet's schedule never fires, so nothing sweeps during the measurement. 2 % of the members are
 * drifted (three distinct drifted schemas), 1 % unreachable, the rest in sync; the same mix as
 * ScrapeBench.
 * <p>
 * Requests are sequential, from one client, each on a kept-alive connection; after warm-up
 * requests of each (two rounds: the first only warms up), 1,000 of each are timed (client wall
 * time to the whole body). Args: storeDir [members] [requests] [fleetRequests] [warmup].
 */
public final class ApiLatencyBench {
    static final String READ = "bench-read-7b1e40c2d9";
    static final String NEVER = "0 0 0 1 1 ? 2099";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        // GET /api/v1/fleets/{f} may be given fewer: at seconds a request, 1,000 would take most of an hour
        int fleetRequests = args.length > 3 ? Integer.parseInt(args[3]) : requests;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        Files.createDirectories(dir);
        String storeUrl = "jdbc:h2:file:" + dir.resolve("store/driftd");

        long p0 = System.nanoTime();
        populate(storeUrl, members);
        System.out.printf("store populated with %d members in %.1f s%n", members, (System.nanoTime() - p0) / 1e9);

        StringBuilder yaml = new StringBuilder("""
                server:
                  bind: 127.0.0.1:9741
                  tokens:
                    - {name: bench-read, role: read, secret: "%s"}
                store:
                  url: "%s"
                fleets:
                  - name: tenants
                    schedule: "%s"
                    golden: {url: "jdbc:postgresql://127.0.0.1:5432/sg_api_golden"}
                    members:
                """.formatted(READ, storeUrl, NEVER));
        for (int i = 0; i < members; i++) {
            // databases that do not exist: the schedule never fires, so none is connected to
            yaml.append("      - {name: ").append(member(i)).append(", url: \"jdbc:postgresql://127.0.0.1:5432/sg_api_")
                    .append(member(i)).append("\"}\n");
        }
        Path config = dir.resolve("driftd.yaml");
        Files.writeString(config, yaml);

        long s0 = System.nanoTime();
        try (RunningDaemon daemon = RunningDaemon.start(config, new InetSocketAddress("127.0.0.1", 0))) {
            System.out.printf("daemon started in %.1f s%n", (System.nanoTime() - s0) / 1e9);
            String base = "http://127.0.0.1:" + daemon.address().getPort();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest metrics = HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build();
            HttpRequest fleet = HttpRequest.newBuilder(URI.create(base + "/api/v1/fleets/tenants"))
                    .header("Authorization", "Bearer " + READ).GET().build();
            // the restored fleet must be what was stored, or the numbers measure something else
            String body = client.send(fleet, HttpResponse.BodyHandlers.ofString()).body();
            long drifted = body.split("\"drifted\"", -1).length - 1;
            System.out.printf("fleet body %d bytes, %d occurrences of \"drifted\"%n", body.length(), drifted);
            for (int round = 0; round < 2; round++) {
                // the two endpoints alternate their turn, so neither always runs on a colder JVM
                for (HttpRequest r : round == 0 ? List.of(metrics, fleet) : List.of(fleet, metrics)) {
                    int n = r == fleet ? fleetRequests : requests;
                    measure(client, r, Math.min(warmup, n), n, round == 1);
                }
            }
        }
    }

    /** {@code warmup} untimed requests, then {@code n} timed ones; prints p50, p99, max when {@code print}. */
    static void measure(HttpClient client, HttpRequest r, int warmup, int n, boolean print) throws Exception {
        int bytes = 0;
        for (int i = 0; i < warmup; i++) {
            HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(r.uri() + " answered " + resp.statusCode());
            }
            bytes = resp.body().length;
        }
        if (!print) {
            return;
        }
        long[] us = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            us[i] = (System.nanoTime() - t) / 1000;
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(r.uri() + " answered " + resp.statusCode());
            }
        }
        Arrays.sort(us);
        String path = r.uri().getPath();
        System.out.printf("%-24s %d requests, body %d bytes: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", path, n, bytes,
                us[n / 2] / 1000.0, us[(int) Math.ceil(n * 0.99) - 1] / 1000.0, us[n - 1] / 1000.0);
        String key = path.startsWith("/metrics") ? "metrics" : "fleet";
        System.out.printf("result %s p50 %.2f%nresult %s p99 %.2f%nresult %s max %.2f%nresult %s bytes %d%n", key,
                us[n / 2] / 1000.0, key, us[(int) Math.ceil(n * 0.99) - 1] / 1000.0, key, us[n - 1] / 1000.0, key, bytes);
    }

    static String member(int i) {
        return String.format("tenant_%05d", i);
    }

    /** Golden of 20 tables of 8 columns; a drifted schema is golden with one extra column. */
    static Snapshot schema(int extra) {
        List<SchemaObject> objects = new ArrayList<>();
        for (int t = 1; t <= 20; t++) {
            String table = String.format("t%02d", t);
            objects.add(Table.plain("public", table));
            for (int c = 1; c <= 8; c++) {
                objects.add(Column.of("public", table, "c" + c, c, c == 1 ? "bigint" : "text"));
            }
            if (extra >= 0 && t == 1) {
                objects.add(Column.of("public", table, "hotfix_" + extra, 9, "integer"));
            }
        }
        return new Snapshot(Flavor.POSTGRES, "15.0", Scope.database("tenant", List.of("public")), objects, Set.of());
    }

    static void populate(String url, int members) {
        Snapshot golden = schema(-1);
        List<Snapshot> drifts = List.of(schema(0), schema(1), schema(2));
        Instant now = Instant.now();
        try (Store store = Store.open(url, null, null)) {
            store.saveSnapshot(golden);
            for (int i = 0; i < members; i++) {
                String state = i % 100 == 0 ? "UNREACHABLE" : i % 50 == 1 ? MemberRow.DRIFTED : MemberRow.IN_SYNC;
                Snapshot s = switch (state) {
                    case MemberRow.DRIFTED -> drifts.get(i % 3);
                    case MemberRow.IN_SYNC -> golden;
                    default -> null;
                };
                MemberRow row;
                if (s != null) {
                    boolean drifted = MemberRow.DRIFTED.equals(state);
                    row = new MemberRow("tenants", member(i), state, s.fingerprint(), now,
                            drifted ? now.minusSeconds(600) : null,
                            drifted ? Map.of(Severity.ADDITIVE, 1) : Map.of(), null, null);
                } else {
                    // an unreachable member keeps its last good fingerprint, as a sweep records it
                    row = new MemberRow("tenants", member(i), state, golden.fingerprint(), now.minusSeconds(300),
                            null, Map.of(), "timeout", "connect timed out");
                }
                store.recordMember(row, s, golden.fingerprint());
            }
            store.saveFleetState(new FleetRecord("tenants", golden.fingerprint(), null, now, now));
            store.saveShardState(new ShardRecord("tenants", 0, 1, golden.fingerprint(), null, now, now));
        }
    }
}
