package dev.driftd.cluster;

import dev.driftd.fleet.TestFleets;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real daemons on one PostgreSQL store form a Quartz cluster: every node answers for every fleet
 * from the store, a fleet (or a shard of a sharded fleet) is never swept by two nodes at once,
 * different nodes sweep different shards of one fleet side by side, and when a node is killed with
 * SIGKILL the others keep sweeping its fleets.
 */
class ClusterTest {
    private static final String TOKEN = "cluster-test-admin-token";
    private static final List<String> FLEETS = List.of("fa", "fb", "fc");
    private static final String SCHEMA = "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);"
            + "CREATE INDEX account_email ON account (email)";
    /** SweepLock's log lines; a sharded fleet's carry {@code shard=N}. */
    private static final Pattern SWEEP = Pattern.compile(
            "cluster: sweep (?<what>start|end) fleet=(?<fleet>\\S+)(?: shard=(?<shard>\\d+))? node=(?<node>\\S+) "
                    + "at=(?<at>\\d+)");

    private final List<TestDatabase> databases = new ArrayList<>();
    private final List<DaemonProcess> nodes = new ArrayList<>();
    private TestServer pg;
    private TestDatabase store;
    private TestDatabase golden;

    @BeforeEach
    void storeAndGolden() {
        pg = TestDatabases.postgres();
        store = db("drcl_store");
        golden = db("drcl_golden").execute(SCHEMA);
    }

    private TestDatabase db(String prefix) {
        TestDatabase d = pg.createDatabase(prefix);
        databases.add(d);
        return d;
    }

    @AfterEach
    void stop() throws Exception {
        for (DaemonProcess n : nodes) {
            n.close();
        }
        for (int i = databases.size() - 1; i >= 0; i--) {
            databases.get(i).close();
        }
    }

    /** Three fleets fa, fb, fc of the members t1..t3 (t2 drifted), swept every 2 s. */
    private String threeFleets() {
        List<TestDatabase> t = List.of(db("drcl_t1").execute(SCHEMA),
                db("drcl_t2").execute(SCHEMA, "ALTER TABLE account ADD COLUMN hotfix int"), db("drcl_t3").execute(SCHEMA));
        StringBuilder y = new StringBuilder();
        for (String f : FLEETS) {
            y.append("  - name: ").append(f).append('\n')
                    .append("    schedule: \"*/2 * * * * ?\"\n")
                    .append("    golden: {url: \"").append(golden.url()).append("\"}\n")
                    .append("    timeout: 10s\n")
                    .append("    members:\n");
            for (int i = 1; i <= 3; i++) {
                y.append("      - {name: t").append(i).append(", url: \"").append(t.get(i - 1).url()).append("\"}\n");
            }
        }
        return y.toString();
    }

    private String config(int port, String fleets) {
        return "server:\n  bind: 127.0.0.1:" + port + "\n"
                + "  tokens:\n    - {name: ops, role: admin, secret: \"" + TOKEN + "\"}\n"
                + "store:\n  url: \"" + store.url() + "\"\n"
                + "fleets:\n" + fleets;
    }

    private DaemonProcess node(Path dir, int i, String fleets) throws Exception {
        int port = DaemonProcess.freePort();
        Path cfg = dir.resolve("node" + i + ".yaml");
        Files.writeString(cfg, config(port, fleets));
        DaemonProcess p = DaemonProcess.start(cfg, dir.resolve("node" + i + ".log"), port);
        nodes.add(p);
        return p;
    }

    @Test
    void nodesShareTheFleetsNeverSweepOneTwiceAtOnceAndSurviveAKilledNode(@TempDir Path dir) throws Exception {
        String fleets = threeFleets();
        for (int i = 0; i < 3; i++) {
            node(dir, i, fleets);
        }
        for (DaemonProcess n : nodes) {
            n.awaitReady(Duration.ofSeconds(240)); // three JVMs starting at once on a busy 2-core CI box
        }

        // every node answers for every fleet, whichever node swept it
        for (DaemonProcess n : nodes) {
            for (String f : FLEETS) {
                awaitMetric(n, "driftd_member_drift{fleet=\"" + f + "\",member=\"t2\"}", 1, Duration.ofSeconds(120));
                awaitMetric(n, "driftd_member_drift{fleet=\"" + f + "\",member=\"t1\"}", 0, Duration.ofSeconds(10));
                HttpResponse<String> r = n.get("/api/v1/fleets/" + f, TOKEN);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"drifted\"");
            }
        }
        // a sweep asked on one node is answered even when another node runs it
        for (DaemonProcess n : nodes) {
            HttpResponse<String> r = n.post("/api/v1/fleets/fa/sweep?wait=true", TOKEN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).containsPattern("\"drifted\"\\s*:\\s*1\\b");
        }
        // the fleets are shared out: at least two nodes have run sweeps (awaited, not slept for)
        await("sweeps on two nodes").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> sweepsPerNode(nodes).size() >= 2);

        // kill -9 the node that started a sweep last: it may well die in the middle of one
        DaemonProcess victim = lastSweeper();
        victim.kill9();
        long killedAt = System.currentTimeMillis();
        List<DaemonProcess> alive = nodes.stream().filter(n -> n != victim).toList();
        for (String f : FLEETS) {
            // a sweep that STARTED after the kill, not one a survivor had under way at that moment
            // (the bound is against a hang only: failure detection alone takes ~10-20 s)
            long at = awaitSweepAfter(alive, f, killedAt, Duration.ofSeconds(120));
            System.out.printf("cluster test: fleet %s swept again by a survivor %d ms after the kill%n", f, at - killedAt);
        }
        for (DaemonProcess n : alive) {
            assertThat(n.get("/readyz", null).statusCode()).isEqualTo(200);
            awaitMetric(n, "driftd_member_drift{fleet=\"fb\",member=\"t2\"}", 1, Duration.ofSeconds(5));
        }
        for (DaemonProcess n : alive) {
            n.close();
        }

        List<Interval> sweeps = intervals(killedAt, victim);
        for (String f : FLEETS) {
            // the overlap check below spans the failover: each fleet was swept before the kill and after it
            assertThat(sweeps).as("sweeps of " + f + " before the kill")
                    .anyMatch(i -> i.fleet().equals(f) && i.start() < killedAt);
            assertThat(sweeps).as("sweeps of " + f + " started after the kill")
                    .anyMatch(i -> i.fleet().equals(f) && i.start() > killedAt);
        }
        assertThat(overlaps(sweeps)).as("sweeps of one fleet that overlapped").isEmpty();
    }

    @Test
    void twoNodesSweepTheShardsOfOneFleetSideBySideAndBothAnswerForAllOfIt(@TempDir Path dir) throws Exception {
        // nine tenant databases, three per shard, found by discovery; one drifted
        String prefix = "drsh" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6) + "_t";
        Map<String, TestDatabase> tenants = new LinkedHashMap<>();
        for (String name : TestFleets.namesPerShard(prefix, 3, 3)) {
            TestDatabase t = pg.createDatabaseNamed(name).execute(SCHEMA);
            databases.add(t);
            tenants.put(name, t);
        }
        List<String> names = List.copyOf(tenants.keySet());
        String drifted = names.get(0);
        tenants.get(drifted).execute("ALTER TABLE account ADD COLUMN hotfix int");
        String fleet = "  - name: fs\n    schedule: \"*/2 * * * * ?\"\n    shards: 3\n"
                + "    golden: {url: \"" + golden.url() + "\"}\n    timeout: 10s\n"
                + "    discover:\n      - {url: \"" + pg.url("postgres") + "\", databases: \"" + prefix + ".*\"}\n";
        for (int i = 0; i < 2; i++) {
            node(dir, i, fleet);
        }
        for (DaemonProcess n : nodes) {
            n.awaitReady(Duration.ofSeconds(240));
        }

        // each node reports the whole fleet, whichever node swept which shard
        for (DaemonProcess n : nodes) {
            awaitMetric(n, "driftd_fleet_members{fleet=\"fs\",state=\"in_sync\"}", 8, Duration.ofSeconds(120));
            awaitMetric(n, "driftd_fleet_members{fleet=\"fs\",state=\"drifted\"}", 1, Duration.ofSeconds(10));
            awaitMetric(n, "driftd_member_drift{fleet=\"fs\",member=\"" + drifted + "\"}", 1, Duration.ofSeconds(10));
            String body = n.get("/api/v1/fleets/fs", TOKEN).body();
            assertThat(names).allSatisfy(t -> assertThat(body).contains("\"" + t + "\""));
        }
        // a sweep asked on either node waits for every shard and answers for all of them
        for (DaemonProcess n : nodes) {
            HttpResponse<String> r = n.post("/api/v1/fleets/fs/sweep?wait=true", TOKEN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).containsPattern("\"members\"\\s*:\\s*9\\b").containsPattern("\"drifted\"\\s*:\\s*1\\b");
        }
        // both nodes sweep shards of the fleet, and sometimes two shards at the same time
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Interval> sweeps = intervals(Long.MAX_VALUE, null);
        while (System.nanoTime() < end && !(sweepers(sweeps).size() == 2 && !sideBySide(sweeps).isEmpty())) {
            Thread.sleep(1000);
            sweeps = intervals(Long.MAX_VALUE, null);
        }
        assertThat(sweepers(sweeps)).as("nodes that swept shards of fs").hasSize(2);
        assertThat(sideBySide(sweeps)).as("different shards swept on different nodes at once").isNotEmpty();
        System.out.printf("cluster test: %d shard sweeps, %d side by side on two nodes%n", sweeps.size(),
                sideBySide(sweeps).size());

        // a tenant is dropped: its own shard removes it, the others keep theirs, on both nodes
        String gone = names.get(4);
        tenants.get(gone).close();
        List<String> left = names.stream().filter(t -> !t.equals(gone)).toList();
        for (DaemonProcess n : nodes) {
            // (a sweep that was reading it when it went may wait out the 10 s timeout and show it unreachable first)
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (n.get("/api/v1/fleets/fs", TOKEN).body().contains(gone) && System.nanoTime() < until) {
                Thread.sleep(300);
            }
            // every shard is swept once more from here: nothing else leaves, nothing comes back
            Map<String, Integer> ended = shardSweepsEnded("fs");
            await("every shard of fs swept again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        Map<String, Integer> now = shardSweepsEnded("fs");
                        return ended.keySet().size() == 3
                                && ended.keySet().stream().allMatch(u -> now.getOrDefault(u, 0) > ended.get(u));
                    });
            awaitMetric(n, "driftd_fleet_members{fleet=\"fs\",state=\"in_sync\"}", 7, Duration.ofSeconds(1));
            awaitMetric(n, "driftd_fleet_members{fleet=\"fs\",state=\"drifted\"}", 1, Duration.ofSeconds(1));
            awaitMetric(n, "driftd_fleet_members{fleet=\"fs\",state=\"unreachable\"}", 0, Duration.ofSeconds(1));
            String body = n.get("/api/v1/fleets/fs", TOKEN).body();
            assertThat(left).allSatisfy(t -> assertThat(body).contains("\"" + t + "\""));
            assertThat(body).doesNotContain(gone);
            assertThat(n.get("/metrics", null).body()).doesNotContain(gone);
        }
        for (DaemonProcess n : nodes) {
            n.close();
        }
        sweeps = intervals(Long.MAX_VALUE, null);
        assertThat(overlaps(sweeps)).as("sweeps of one shard that overlapped").isEmpty();
    }

    private static Set<String> sweepers(List<Interval> sweeps) {
        Set<String> out = new HashSet<>();
        sweeps.forEach(i -> out.add(i.node()));
        return out;
    }

    /** Sweeps of different shards of one fleet on different nodes that overlapped in time. */
    private static List<String> sideBySide(List<Interval> all) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Interval a = all.get(i);
                Interval b = all.get(j);
                if (a.fleet().equals(b.fleet()) && !a.unit().equals(b.unit()) && !a.node().equals(b.node())
                        && a.start() < b.end() && b.start() < a.end()) {
                    out.add(a + " / " + b);
                }
            }
        }
        return out;
    }

    /** Waits until the node exports {@code series} (name and labels) with {@code value}. */
    static void awaitMetric(DaemonProcess n, String series, double value, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = n.get("/metrics", null).body();
            if (last.lines().anyMatch(l -> l.startsWith(series + " ")
                    && Double.parseDouble(l.substring(series.length() + 1).trim()) == value)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("node " + n.port() + " never exported " + series + " " + value + "\nlast scrape had: "
                + last.lines().filter(l -> l.startsWith("driftd_member_drift{")).toList() + "\nlog:\n" + n.tail());
    }

    /** One sweep of {@code unit}: a fleet, or one shard of it ({@code fleet#shard}). */
    private record Interval(String fleet, String unit, String node, long start, long end) {
    }

    private static String unit(Matcher m) {
        return m.group("shard") == null ? m.group("fleet") : m.group("fleet") + "#" + m.group("shard");
    }

    /** Sweep intervals per node log; a sweep cut short by SIGKILL (of {@code victim}, may be null) ends at the kill. */
    private List<Interval> intervals(long killedAt, DaemonProcess victim) {
        List<Interval> out = new ArrayList<>();
        for (DaemonProcess n : nodes) {
            Map<String, Interval> open = new HashMap<>();
            Matcher m = SWEEP.matcher(n.log());
            while (m.find()) {
                String unit = unit(m);
                long at = Long.parseLong(m.group("at"));
                if (m.group("what").equals("start")) {
                    assertThat(open).as("node %s started %s twice", m.group("node"), unit).doesNotContainKey(unit);
                    open.put(unit, new Interval(m.group("fleet"), unit, m.group("node"), at, Long.MAX_VALUE));
                } else {
                    Interval started = open.remove(unit);
                    if (started != null) {
                        out.add(new Interval(started.fleet(), unit, started.node(), started.start(), at));
                    }
                }
            }
            long cut = n == victim ? killedAt : Long.MAX_VALUE;
            open.values().forEach(i -> out.add(new Interval(i.fleet(), i.unit(), i.node(), i.start(), cut)));
        }
        return out;
    }

    /** Pairs of sweeps of one fleet, or one shard, that overlapped in time: there must be none. */
    private static List<String> overlaps(List<Interval> all) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Interval a = all.get(i);
                Interval b = all.get(j);
                if (a.unit().equals(b.unit()) && a.start() < b.end() && b.start() < a.end()) {
                    bad.add(a + " / " + b);
                }
            }
        }
        return bad;
    }

    /** Finished sweeps of each shard of {@code fleet} ({@code fleet#shard}), over all nodes' logs. */
    private Map<String, Integer> shardSweepsEnded(String fleet) {
        Map<String, Integer> out = new HashMap<>();
        for (DaemonProcess n : nodes) {
            Matcher m = SWEEP.matcher(n.log());
            while (m.find()) {
                if (m.group("what").equals("end") && m.group("fleet").equals(fleet)) {
                    out.merge(unit(m), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> sweepsPerNode(List<DaemonProcess> nodes) {
        Map<String, Integer> out = new HashMap<>();
        for (DaemonProcess n : nodes) {
            Matcher m = SWEEP.matcher(n.log());
            while (m.find()) {
                if (m.group("what").equals("start")) {
                    out.merge(m.group("node"), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private DaemonProcess lastSweeper() {
        DaemonProcess best = nodes.get(0);
        long latest = -1;
        for (DaemonProcess n : nodes) {
            Matcher m = SWEEP.matcher(n.log());
            while (m.find()) {
                long at = Long.parseLong(m.group("at"));
                if (m.group("what").equals("start") && at > latest) {
                    latest = at;
                    best = n;
                }
            }
        }
        return best;
    }

    /** Returns when (epoch ms) a surviving node finished a sweep of the fleet that it started after {@code after}. */
    private static long awaitSweepAfter(List<DaemonProcess> alive, String fleet, long after, Duration max)
            throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        Set<String> seen = new HashSet<>();
        while (System.nanoTime() < end) {
            for (DaemonProcess n : alive) {
                Matcher m = SWEEP.matcher(n.log());
                long startedAfter = -1; // this node's latest start of the fleet's sweep after the kill
                while (m.find()) {
                    seen.add(m.group("node"));
                    if (!m.group("fleet").equals(fleet)) {
                        continue;
                    }
                    long at = Long.parseLong(m.group("at"));
                    if (m.group("what").equals("start")) {
                        startedAfter = at > after ? at : -1;
                    } else if (startedAfter > 0) {
                        return at;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no surviving node finished a sweep of " + fleet + " within " + max
                + " of the kill (nodes seen: " + seen + ")\n" + alive.get(0).tail());
    }
}
