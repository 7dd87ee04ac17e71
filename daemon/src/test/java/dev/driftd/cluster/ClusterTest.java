package dev.driftd.cluster;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real daemons on one PostgreSQL store form a Quartz cluster: every node answers for every
 * fleet from the store, a fleet is never swept by two nodes at once, and when a node is killed
 * with SIGKILL the others keep sweeping its fleets.
 */
class ClusterTest {
    private static final String TOKEN = "cluster-test-admin-token";
    private static final List<String> FLEETS = List.of("fa", "fb", "fc");
    private static final Pattern SWEEP = Pattern.compile(
            "cluster: sweep (start|end) fleet=(\\S+) node=(\\S+) at=(\\d+)");

    private final List<TestDatabase> databases = new ArrayList<>();
    private final List<DaemonProcess> nodes = new ArrayList<>();
    private TestServer pg;
    private TestDatabase store;

    @BeforeEach
    void fleet() {
        pg = TestDatabases.postgres();
        store = db("drcl_store");
        String schema = "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);"
                + "CREATE INDEX account_email ON account (email)";
        db("drcl_golden").execute(schema);
        db("drcl_t1").execute(schema);
        db("drcl_t2").execute(schema, "ALTER TABLE account ADD COLUMN hotfix int");
        db("drcl_t3").execute(schema);
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

    private String config(int port) {
        StringBuilder y = new StringBuilder();
        y.append("server:\n  bind: 127.0.0.1:").append(port).append('\n')
                .append("  tokens:\n    - {name: ops, role: admin, secret: \"").append(TOKEN).append("\"}\n")
                .append("store:\n  url: \"").append(store.url()).append("\"\n")
                .append("fleets:\n");
        for (String f : FLEETS) {
            y.append("  - name: ").append(f).append('\n')
                    .append("    schedule: \"*/2 * * * * ?\"\n")
                    .append("    golden: {url: \"").append(databases.get(1).url()).append("\"}\n")
                    .append("    timeout: 10s\n")
                    .append("    members:\n");
            for (int t = 1; t <= 3; t++) {
                y.append("      - {name: t").append(t).append(", url: \"").append(databases.get(1 + t).url()).append("\"}\n");
            }
        }
        return y.toString();
    }

    private DaemonProcess node(Path dir, int i) throws Exception {
        int port = DaemonProcess.freePort();
        Path cfg = dir.resolve("node" + i + ".yaml");
        Files.writeString(cfg, config(port));
        DaemonProcess p = DaemonProcess.start(cfg, dir.resolve("node" + i + ".log"), port);
        nodes.add(p);
        return p;
    }

    @Test
    void nodesShareTheFleetsNeverSweepOneTwiceAtOnceAndSurviveAKilledNode(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            node(dir, i);
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
        Thread.sleep(6_000);
        Map<String, Integer> perNode = sweepsPerNode(nodes);
        assertThat(perNode.size()).as("sweeps per node: %s", perNode).isGreaterThanOrEqualTo(2);

        // kill -9 the node that started a sweep last: it may well die in the middle of one
        DaemonProcess victim = lastSweeper();
        victim.kill9();
        long killedAt = System.currentTimeMillis();
        List<DaemonProcess> alive = nodes.stream().filter(n -> n != victim).toList();
        for (String f : FLEETS) {
            // one schedule period (2 s) plus a minute at most; failure detection takes ~10-20 s
            long at = awaitSweepAfter(alive, f, killedAt + 1_000, Duration.ofSeconds(62));
            System.out.printf("cluster test: fleet %s swept again by a survivor %d ms after the kill%n", f, at - killedAt);
        }
        for (DaemonProcess n : alive) {
            assertThat(n.get("/readyz", null).statusCode()).isEqualTo(200);
            awaitMetric(n, "driftd_member_drift{fleet=\"fb\",member=\"t2\"}", 1, Duration.ofSeconds(5));
        }
        for (DaemonProcess n : alive) {
            n.close();
        }

        List<String> overlaps = overlaps(killedAt, victim);
        assertThat(overlaps).as("sweeps of one fleet that overlapped").isEmpty();
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

    private record Interval(String fleet, String node, long start, long end) {
    }

    /** Sweep intervals per node log; a sweep cut short by SIGKILL ends at the kill. */
    private List<Interval> intervals(long killedAt, DaemonProcess victim) {
        List<Interval> out = new ArrayList<>();
        for (DaemonProcess n : nodes) {
            Map<String, Long> open = new HashMap<>();
            Map<String, String> nodeOf = new HashMap<>();
            Matcher m = SWEEP.matcher(n.log());
            while (m.find()) {
                String fleet = m.group(2);
                long at = Long.parseLong(m.group(4));
                if (m.group(1).equals("start")) {
                    assertThat(open).as("node %s started %s twice", m.group(3), fleet).doesNotContainKey(fleet);
                    open.put(fleet, at);
                    nodeOf.put(fleet, m.group(3));
                } else {
                    Long s = open.remove(fleet);
                    if (s != null) {
                        out.add(new Interval(fleet, m.group(3), s, at));
                    }
                }
            }
            long cut = n == victim ? killedAt : Long.MAX_VALUE;
            open.forEach((fleet, s) -> out.add(new Interval(fleet, nodeOf.get(fleet), s, cut)));
        }
        return out;
    }

    private List<String> overlaps(long killedAt, DaemonProcess victim) {
        List<Interval> all = intervals(killedAt, victim);
        assertThat(all.size()).as("sweeps recorded").isGreaterThan(10);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Interval a = all.get(i);
                Interval b = all.get(j);
                if (a.fleet().equals(b.fleet()) && a.start() < b.end() && b.start() < a.end()) {
                    bad.add(a + " / " + b);
                }
            }
        }
        return bad;
    }

    private static Map<String, Integer> sweepsPerNode(List<DaemonProcess> nodes) {
        Map<String, Integer> out = new HashMap<>();
        for (DaemonProcess n : nodes) {
            Matcher m = SWEEP.matcher(n.log());
            while (m.find()) {
                if (m.group(1).equals("start")) {
                    out.merge(m.group(3), 1, Integer::sum);
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
                long at = Long.parseLong(m.group(4));
                if (m.group(1).equals("start") && at > latest) {
                    latest = at;
                    best = n;
                }
            }
        }
        return best;
    }

    /** Returns when (epoch ms) a surviving node finished a sweep of the fleet after {@code after}. */
    private static long awaitSweepAfter(List<DaemonProcess> alive, String fleet, long after, Duration max)
            throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        Set<String> seen = new HashSet<>();
        while (System.nanoTime() < end) {
            for (DaemonProcess n : alive) {
                Matcher m = SWEEP.matcher(n.log());
                while (m.find()) {
                    if (m.group(1).equals("end") && m.group(2).equals(fleet) && Long.parseLong(m.group(4)) > after) {
                        return Long.parseLong(m.group(4));
                    }
                    seen.add(m.group(3));
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no surviving node finished a sweep of " + fleet + " within " + max
                + " of the kill (nodes seen: " + seen + ")\n" + alive.get(0).tail());
    }
}
