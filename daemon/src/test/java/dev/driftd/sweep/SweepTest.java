package dev.driftd.sweep;

import dev.driftd.diff.Severity;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepFixture;
import dev.driftd.fleet.SweepResult;
import dev.driftd.fleet.TestFleets;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.driftd.fleet.SweepFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

class SweepTest {
    @TempDir
    Path dir;

    private static final String TABLE = "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))";

    /** Accepts TCP connections and never says a word: a server that hangs during login. */
    private static final class BlackHole implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0);
        final List<Socket> held = new ArrayList<>();
        /** System.nanoTime() of the first connection accepted since reset to 0: when a snapshot began to hang here. */
        final java.util.concurrent.atomic.AtomicLong firstAccepted = new java.util.concurrent.atomic.AtomicLong();

        BlackHole() throws IOException {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = socket.accept();
                        firstAccepted.compareAndSet(0, System.nanoTime());
                        synchronized (held) {
                            held.add(s);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "black-hole");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void unreachableMembersAreMarkedWithAReasonAndDoNotHoldUpTheOthers() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Duration timeout = Duration.ofSeconds(4);
        try (SweepFixture fx = new SweepFixture(dir);
             BlackHole hole = new BlackHole();
             BlackHole hole2 = new BlackHole();
             TestDatabase golden = pg.createDatabase("swp_golden").execute(TABLE);
             TestDatabase a = pg.createDatabase("swp_a").execute(TABLE);
             TestDatabase b = pg.createDatabase("swp_b").execute(TABLE, "CREATE INDEX items_name ON items (name)");
             TestDatabase c = pg.createDatabase("swp_c").execute(TABLE)) {
            FleetRunner runner = fx.runner(TestFleets.fleet("mixed")
                    .golden(new dev.driftd.config.GoldenConfig.Member("golden"))
                    .concurrency(3, 3)
                    .timeout(timeout)
                    .member("golden", golden.url())
                    .member("hangs", "jdbc:postgresql://127.0.0.1:" + hole.port() + "/app?user=postgres")
                    .member("hangs2", "jdbc:postgresql://127.0.0.1:" + hole2.port() + "/app?user=postgres")
                    .member("refused", "jdbc:postgresql://127.0.0.1:1/app?user=postgres")
                    .member("missing", pg.url("swp_no_such_database_x"))
                    .member("a", a.url())
                    .member("b", b.url())
                    .member("c", c.url())
                    .build());

            runner.runSweep(); // the first sweep of a JVM also loads and warms up the code
            fx.events.clear();
            hole.firstAccepted.set(0); // the warm-up sweep's connections do not count
            hole2.firstAccepted.set(0);
            // the bound is only against a hang (a member without its timeout would hang the sweep for good)
            SweepResult result = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.runSweep();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);

            FleetStatus s = runner.status();
            assertThat(member(s, "hangs").state()).isEqualTo(MemberState.UNREACHABLE);
            assertThat(member(s, "hangs").errorReason()).isEqualTo("timeout");
            assertThat(member(s, "refused").errorReason()).isEqualTo("connect");
            assertThat(member(s, "missing").errorReason()).isEqualTo("missing");
            assertThat(member(s, "hangs2").errorReason()).isEqualTo("timeout");
            for (String m : List.of("hangs", "refused", "missing")) {
                assertThat(member(s, m).error()).doesNotContain("\n").isNotBlank();
            }
            assertThat(member(s, "a").state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(member(s, "c").state()).isEqualTo(MemberState.IN_SYNC);
            MemberStatus drifted = member(s, "b");
            assertThat(drifted.state()).isEqualTo(MemberState.DRIFTED);
            assertThat(drifted.changes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
            // drift first seen by the warm-up sweep, still the start of this drift
            assertThat(drifted.driftSince()).isBefore(drifted.lastSnapshot());

            assertThat(result.members()).isEqualTo(8);
            assertThat(result.inSync()).isEqualTo(3);
            assertThat(result.drifted()).isEqualTo(1);
            assertThat(result.unreachable()).isEqualTo(4);
            assertThat(fx.events.failed).containsExactlyInAnyOrder("mixed/hangs:timeout", "mixed/hangs2:timeout",
                    "mixed/refused:connect", "mixed/missing:missing");
            assertThat(fx.events.taken).hasSize(4);
            assertThat(fx.events.sweeps).containsExactly(result);
            // each hanging member gives up at its own timeout, not before
            for (String m : List.of("hangs", "hangs2")) {
                assertThat(fx.events.took.get(m)).isGreaterThanOrEqualTo(timeout.minusMillis(100));
            }
            // the two hanging members hung side by side (each black hole took its connection before either
            // gave up), not one after the other...
            long firstGaveUp = Math.min(fx.events.endedAt.get("hangs"), fx.events.endedAt.get("hangs2"));
            assertThat(hole.firstAccepted.get()).isPositive().isLessThan(firstGaveUp);
            assertThat(hole2.firstAccepted.get()).isPositive().isLessThan(firstGaveUp);
            // ...and the third slot took every other member meanwhile: none waited for a hanging one
            for (String m : List.of("golden", "refused", "missing", "a", "b", "c")) {
                assertThat(fx.events.endedAt.get(m)).as("%s reported before the first timeout", m).isLessThan(firstGaveUp);
            }
        }
    }

    @Test
    void authFailuresSayAuthAndNeverShowThePassword() throws Exception {
        TestServer pg = TestDatabases.postgres();
        TestServer my = TestDatabases.mysql();
        String secret = "s3cret-Value-x9";
        try (SweepFixture fx = new SweepFixture(dir)) {
            TestFleets f = TestFleets.fleet("auth")
                    .memberWithPassword("pg", "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/postgres",
                            "driftd_no_such_role", secret);
            if (my != null) {
                // the local root has no password: giving one is refused
                f.memberWithPassword("my", "jdbc:mysql://" + my.host() + ":" + my.port() + "/mysql", "root", secret);
            }
            FleetRunner runner = fx.runner(f.build());
            runner.runSweep();
            for (MemberStatus m : runner.status().members()) {
                assertThat(m.state()).isEqualTo(MemberState.UNREACHABLE);
                assertThat(m.errorReason()).as("%s", m.error()).isEqualTo("auth");
                assertThat(m.error()).doesNotContain(secret);
            }
            assertThat(fx.store.memberStates("auth")).allSatisfy(m -> assertThat(m.error()).doesNotContain(secret));
        }
    }

    @Test
    void driftSinceIsKeptWhileTheMemberStaysDriftedAndClearedWhenFixed() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase golden = pg.createDatabase("swp_golden").execute(TABLE);
             TestDatabase a = pg.createDatabase("swp_a").execute(TABLE, "ALTER TABLE items ADD COLUMN extra INT")) {
            FleetRunner runner = fx.runner(TestFleets.fleet("f")
                    .golden(new dev.driftd.config.GoldenConfig.Member("golden"))
                    .member("golden", golden.url()).member("a", a.url()).build());
            runner.runSweep();
            MemberStatus first = member(runner.status(), "a");
            assertThat(first.state()).isEqualTo(MemberState.DRIFTED);
            assertThat(first.changes()).containsEntry(Severity.DESTRUCTIVE, 1);

            a.execute("CREATE INDEX items_extra ON items (extra)");
            runner.runSweep();
            MemberStatus second = member(runner.status(), "a");
            assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
            assertThat(second.driftSince()).isEqualTo(first.driftSince());
            assertThat(second.lastSnapshot()).isAfter(first.lastSnapshot());

            // a restarted daemon (a new runner over the same store) still knows when the drift began
            FleetRunner restarted = fx.runner(runner.config());
            assertThat(member(restarted.status(), "a").driftSince()).isEqualTo(first.driftSince());
            assertThat(restarted.diff("a")).hasValueSatisfying(d -> assertThat(d.inSync()).isFalse());
            restarted.runSweep();
            assertThat(member(restarted.status(), "a").driftSince()).isEqualTo(first.driftSince());

            a.execute("DROP TABLE items", TABLE);
            restarted.runSweep();
            MemberStatus fixed = member(restarted.status(), "a");
            assertThat(fixed.state()).isEqualTo(MemberState.IN_SYNC);
            assertThat(fixed.driftSince()).isNull();
            assertThat(fx.store.driftEvents("f", "a")).hasSize(1)
                    .allSatisfy(e -> assertThat(e.resolved()).isNotNull());
            assertThat(fx.store.history("f", "a")).hasSize(3);
        }
    }

    @Test
    void membersWhoseCatalogsDidNotChangeAreNotReadAgain() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (SweepFixture fx = new SweepFixture(dir);
             TestDatabase golden = pg.createDatabase("swp_golden").execute(TABLE);
             TestDatabase a = pg.createDatabase("swp_a").execute(TABLE);
             TestDatabase b = pg.createDatabase("swp_b").execute(TABLE)) {
            FleetRunner runner = fx.runner(TestFleets.fleet("f")
                    .golden(new dev.driftd.config.GoldenConfig.Member("golden"))
                    .member("golden", golden.url()).member("a", a.url()).member("b", b.url()).build());
            assertThat(runner.runSweep().reused()).isZero();
            SweepResult second = runner.runSweep();
            assertThat(second.reused()).as("nothing changed").isEqualTo(3);
            assertThat(second.inSync()).isEqualTo(3);

            a.execute("COMMENT ON COLUMN items.name IS 'changed by hand'");
            SweepResult third = runner.runSweep();
            assertThat(third.reused()).as("all but the changed member").isEqualTo(2);
            MemberStatus changed = member(runner.status(), "a");
            assertThat(changed.state()).isEqualTo(MemberState.DRIFTED);
            assertThat(changed.changes()).containsEntry(Severity.COSMETIC, 1);
            assertThat(member(runner.status(), "b").lastSnapshot()).as("a reused read still counts as seen")
                    .isAfterOrEqualTo(third.started());

            FleetRunner everyTime = fx.runner(TestFleets.fleet("g")
                    .golden(new dev.driftd.config.GoldenConfig.Member("golden")).fullSnapshotEvery(Duration.ZERO)
                    .member("golden", golden.url()).member("a", a.url()).build());
            everyTime.runSweep();
            assertThat(everyTime.runSweep().reused()).as("full_snapshot_every: 0s reads every member every time")
                    .isZero();
        }
    }

    @Test
    void perServerLimitBoundsConcurrentSnapshotsOfOneServer() throws Exception {
        // six workers, two tasks per server at once: each server must see exactly two tasks at its peak,
        // never more (the limit holds) and not fewer (a run one at a time would also stay "under" it).
        // Tasks stay in until every worker is parked (in a task, or waiting for a server with room), so
        // whatever the limiter lets in does get in; then they all leave together and the next ones come.
        int limit = 2;
        List<String> items = List.of("pg1", "pg2", "pg3", "pg4", "my1", "my2", "my3", "my4");
        int[] peak = new int[2];
        int[] now = new int[2];
        int[] generation = {0};
        Object lock = new Object();
        String prefix = "peak" + System.identityHashCode(lock);
        AtomicBoolean finished = new AtomicBoolean();
        Thread releaser = new Thread(() -> {
            while (!finished.get()) {
                boolean someoneIn;
                synchronized (lock) {
                    someoneIn = now[0] + now[1] > 0;
                }
                if (someoneIn && workersParked(prefix)) {
                    synchronized (lock) {
                        generation[0]++;
                        lock.notifyAll();
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // poll interval, not a wait for an outcome
            }
        }, "peak-releaser");
        releaser.setDaemon(true);
        releaser.start();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                new BoundedExecution<String>(6, limit, x -> x.substring(0, 2), prefix).run(items, x -> {
                    int i = x.startsWith("pg") ? 0 : 1;
                    synchronized (lock) {
                        now[i]++;
                        peak[i] = Math.max(peak[i], now[i]);
                        int mine = generation[0];
                        while (generation[0] == mine) {
                            try {
                                lock.wait();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                break;
                            }
                        }
                        now[i]--;
                    }
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            run.get(60, TimeUnit.SECONDS); // must not hang
        } finally {
            finished.set(true);
        }
        assertThat(peak).as("peak concurrent tasks per server (pg, my)").containsExactly(limit, limit);
    }

    /** Every worker thread of the execution is waiting (in a task or for room) or gone: nothing more can start now. */
    private static boolean workersParked(String prefix) {
        boolean any = false;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix + "-")) {
                any = true;
                Thread.State st = t.getState();
                if (st != Thread.State.WAITING && st != Thread.State.TIMED_WAITING && st != Thread.State.TERMINATED) {
                    return false;
                }
            }
        }
        return any;
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() throws Exception {
        List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
        new BoundedExecution<String>(2, 2, x -> "s", "t").run(List.of("a", "boom", "b", "c"), x -> {
            if (x.equals("boom")) {
                throw new IllegalStateException("boom");
            }
            done.add(x);
        });
        assertThat(done).containsExactlyInAnyOrder("a", "b", "c");
    }
}
