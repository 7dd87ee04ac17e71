package dev.driftd.daemon;

import dev.driftd.config.ConfigException;
import dev.driftd.fleet.FleetEvents;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The daemon core with its real scheduler, store and engine against the local PostgreSQL. */
class DaemonCoreTest {
    @TempDir
    Path dir;

    private static final String TABLE = "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))";
    private static final String NEVER = "0 0 0 1 1 ? 2099";

    /** Records sweeps and lets a test wait for a member's snapshot. */
    private static final class Events implements FleetEvents {
        final List<SweepResult> sweeps = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        volatile CountDownLatch snapshotOf = new CountDownLatch(1);
        volatile String waitFor = "";

        @Override
        public void snapshotTaken(String fleet, String member, Duration took) {
            if (member.equals(waitFor)) {
                snapshotOf.countDown();
            }
        }

        @Override
        public void snapshotFailed(String fleet, String member, String reason, Duration took) {
        }

        @Override
        public synchronized void sweepFinished(SweepResult result, Duration took) {
            sweeps.add(result);
        }

        @Override
        public synchronized void memberRemoved(String fleet, String member) {
            removed.add(fleet + "/" + member);
        }

        @Override
        public void ddlReported(String fleet, String member) {
        }

        synchronized List<SweepResult> sweeps() {
            return List.copyOf(sweeps);
        }
    }

    /** Accepts connections and never answers: a member whose snapshot takes its whole timeout. */
    private static ServerSocket blackHole(List<Socket> held) throws IOException {
        ServerSocket s = new ServerSocket(0);
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    held.add(s.accept());
                }
            } catch (IOException closed) {
                // done
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    private Path config(String fleets) throws IOException {
        return Files.writeString(dir.resolve("driftd.yaml"), "store: {url: \"jdbc:h2:file:" + dir.resolve("store")
                + "\"}\nfleets:\n" + fleets);
    }

    private static String fleet(String name, String schedule, String timeout, String... members) {
        StringBuilder sb = new StringBuilder("  - name: " + name + "\n    schedule: \"" + schedule + "\"\n"
                + "    golden: {member: golden}\n    timeout: " + timeout + "\n    concurrency: 2\n    members:\n");
        for (String m : members) {
            sb.append("      - ").append(m).append('\n');
        }
        return sb.toString();
    }

    private static String member(String name, String url) {
        return "{name: " + name + ", url: \"" + url + "\"}";
    }

    @Test
    void sweepNowWaitsForARunningSweepThenRunsAnotherOne() throws Exception {
        TestServer pg = TestDatabases.postgres();
        List<Socket> held = new ArrayList<>();
        Events events = new Events();
        try (ServerSocket hole = blackHole(held);
             TestDatabase golden = pg.createDatabase("core_golden").execute(TABLE);
             TestDatabase a = pg.createDatabase("core_a").execute(TABLE)) {
            Path file = config(fleet("slow", NEVER, "3s", member("golden", golden.url()), member("a", a.url()),
                    member("hangs", "jdbc:postgresql://127.0.0.1:" + hole.getLocalPort() + "/x?user=postgres")));
            try (DaemonCore core = new DaemonCore(file, events).start()) {
                assertThat(core.ready()).isTrue();
                assertThat(core.fleetService().fleet("slow").orElseThrow().members())
                        .extracting(MemberStatus::member).containsExactly("golden", "a", "hangs");

                events.waitFor = "a";
                Instant call1 = Instant.now();
                CompletableFuture<SweepResult> first = core.fleetService().sweepNow("slow");
                // "a" is done while "hangs" still hangs: the first sweep is running now
                assertThat(events.snapshotOf.await(20, TimeUnit.SECONDS)).isTrue();
                Instant call2 = Instant.now();
                CompletableFuture<SweepResult> second = core.fleetService().sweepNow("slow");
                CompletableFuture<SweepResult> third = core.fleetService().sweepNow("slow");
                assertThat(second).isNotDone();

                SweepResult r1 = first.get(30, TimeUnit.SECONDS);
                SweepResult r2 = second.get(30, TimeUnit.SECONDS);
                SweepResult r3 = third.get(30, TimeUnit.SECONDS);
                assertThat(r1.started()).isAfterOrEqualTo(call1.minusMillis(1));
                assertThat(r1.started()).isBefore(call2);
                // the second request did not get the sweep that was running when it arrived
                assertThat(r2.started()).isAfter(call2).isAfterOrEqualTo(r1.finished());
                // requests that arrive during the same running sweep share the next one
                assertThat(r3).isEqualTo(r2);
                assertThat(r2.unreachable()).isEqualTo(1);
                assertThat(r2.inSync()).isEqualTo(2);
                // no sweep asked for is still waiting or running: three requests made exactly two sweeps
                await("the asked-for sweeps complete").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> core.scheduler().pendingTriggered("slow") == 0);
                assertThat(events.sweeps()).hasSize(2);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void cronFiresSweepsThatNeverOverlap() throws Exception {
        TestServer pg = TestDatabases.postgres();
        List<Socket> held = new ArrayList<>();
        Events events = new Events();
        try (ServerSocket hole = blackHole(held);
             TestDatabase golden = pg.createDatabase("core_golden").execute(TABLE)) {
            // every second, but each sweep takes ~2 s (the hanging member's timeout)
            Path file = config(fleet("busy", "* * * * * ?", "2s", member("golden", golden.url()),
                    member("hangs", "jdbc:postgresql://127.0.0.1:" + hole.getLocalPort() + "/x?user=postgres")));
            try (DaemonCore core = new DaemonCore(file, events).start()) {
                await().atMost(Duration.ofSeconds(40)).until(() -> events.sweeps().size() >= 3);
            }
            List<SweepResult> sweeps = events.sweeps();
            for (int i = 1; i < sweeps.size(); i++) {
                assertThat(sweeps.get(i).started()).as("sweep %d starts after sweep %d ended", i, i - 1)
                        .isAfterOrEqualTo(sweeps.get(i - 1).finished());
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void restartKeepsStateAndDriftSince() throws Exception {
        TestServer pg = TestDatabases.postgres();
        try (TestDatabase golden = pg.createDatabase("core_golden").execute(TABLE);
             TestDatabase a = pg.createDatabase("core_a").execute(TABLE, "ALTER TABLE items ADD COLUMN x INT")) {
            Path file = config(fleet("f", NEVER, "10s", member("golden", golden.url()), member("a", a.url())));
            Instant since;
            String goldenFp;
            try (DaemonCore core = new DaemonCore(file, FleetEvents.NONE).start()) {
                core.fleetService().sweepNow("f").get(60, TimeUnit.SECONDS);
                FleetStatus s = core.fleetService().fleet("f").orElseThrow();
                MemberStatus m = s.members().stream().filter(x -> x.member().equals("a")).findFirst().orElseThrow();
                assertThat(m.state()).isEqualTo(MemberState.DRIFTED);
                since = m.driftSince();
                goldenFp = s.goldenFingerprint();
            }
            try (DaemonCore core = new DaemonCore(file, FleetEvents.NONE).start()) {
                // before any sweep of the new process
                FleetStatus s = core.fleetService().fleet("f").orElseThrow();
                assertThat(s.goldenFingerprint()).isEqualTo(goldenFp);
                MemberStatus m = s.members().stream().filter(x -> x.member().equals("a")).findFirst().orElseThrow();
                assertThat(m.state()).isEqualTo(MemberState.DRIFTED);
                assertThat(m.driftSince()).isEqualTo(since);
                assertThat(core.fleetService().diff("f", "a")).hasValueSatisfying(d ->
                        assertThat(d.inSync()).isFalse());
                core.fleetService().sweepNow("f").get(60, TimeUnit.SECONDS);
                m = core.fleetService().fleet("f").orElseThrow().members().stream()
                        .filter(x -> x.member().equals("a")).findFirst().orElseThrow();
                assertThat(m.driftSince()).isEqualTo(since);
            }
        }
    }

    @Test
    void reloadSwapsFleetsAndKeepsTheOldConfigWhenTheNewOneIsBad() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Events events = new Events();
        try (TestDatabase golden = pg.createDatabase("core_golden").execute(TABLE)) {
            Path file = config(fleet("one", NEVER, "10s", member("golden", golden.url())));
            try (DaemonCore core = new DaemonCore(file, events).start()) {
                core.fleetService().sweepNow("one").get(60, TimeUnit.SECONDS);
                config(fleet("two", NEVER, "10s", member("golden", golden.url())));
                core.fleetService().reload();
                assertThat(core.fleetService().fleets()).extracting(FleetStatus::name).containsExactly("two");
                assertThat(events.removed).containsExactly("one/golden");
                assertThat(core.config().fleets()).extracting(f -> f.name()).containsExactly("two");
                assertThat(core.fleetService().sweepNow("two").get(60, TimeUnit.SECONDS).inSync()).isEqualTo(1);

                // a new schedule takes effect without a restart
                int before = events.sweeps().size();
                config(fleet("two", "* * * * * ?", "10s", member("golden", golden.url())));
                core.fleetService().reload();
                await().atMost(Duration.ofSeconds(30)).until(() -> events.sweeps().size() >= before + 2);

                Files.writeString(file, "fleets:\n  - name: three\n    schedule: \"not cron\"\n");
                assertThatThrownBy(() -> core.fleetService().reload()).isInstanceOf(ConfigException.class)
                        .hasMessageContaining(file + ":3:");
                assertThat(core.fleetService().fleets()).extracting(FleetStatus::name).containsExactly("two");
                assertThat(core.config().fleets()).extracting(f -> f.name()).containsExactly("two");
                assertThat(core.ready()).isTrue();
            }
        }
    }

    @Test
    void anEveryScheduleSweepsOnItsPeriod() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Events events = new Events();
        try (TestDatabase golden = pg.createDatabase("o18b_every").execute(TABLE)) {
            Path file = config(fleet("periodic", "every 1s", "10s", member("golden", golden.url())));
            try (DaemonCore core = new DaemonCore(file, events).start()) {
                assertThat(core.config().fleets().get(0).schedule()).isEqualTo("every 1s");
                // no sweepNow: only the period's trigger can make these
                await().atMost(Duration.ofSeconds(60)).until(() -> events.sweeps().size() >= 3);
            }
        }
    }

    @Test
    void aShardedFleetRunsItsShardsAsJobsSideBySideAndAnswersForTheWholeFleet() throws Exception {
        TestServer pg = TestDatabases.postgres();
        List<Socket> held = new ArrayList<>();
        Events events = new Events();
        try (ServerSocket hole = blackHole(held);
             TestDatabase golden = pg.createDatabase("core_golden").execute(TABLE);
             TestDatabase drifted = pg.createDatabase("core_d").execute(TABLE, "ALTER TABLE items ADD COLUMN x INT")) {
            List<String> members = new ArrayList<>(List.of(member("golden", golden.url()),
                    member("drifted", drifted.url()),
                    member("hangs", "jdbc:postgresql://127.0.0.1:" + hole.getLocalPort() + "/x?user=postgres")));
            for (int i = 1; i <= 5; i++) {
                members.add(member("t" + i, golden.url()));
            }
            String fleet = fleet("f", NEVER, "3s", members.toArray(String[]::new));
            Path file = config(fleet.replace("    concurrency: 2\n", "    concurrency: 2\n    shards: 3\n"));
            try (DaemonCore core = new DaemonCore(file, events).start()) {
                assertThat(core.scheduler().sweepJobs()).containsExactly("f#0", "f#1", "f#2");

                SweepResult all = core.fleetService().sweepNow("f").get(60, TimeUnit.SECONDS);
                assertThat(all.members()).isEqualTo(8);
                assertThat(all.inSync()).isEqualTo(6);
                assertThat(all.drifted()).isEqualTo(1);
                assertThat(all.unreachable()).isEqualTo(1);
                assertThat(core.fleetService().fleet("f").orElseThrow().members()).extracting(MemberStatus::member)
                        .containsExactlyInAnyOrder("golden", "drifted", "hangs", "t1", "t2", "t3", "t4", "t5");
                List<SweepResult> shards = events.sweeps();
                assertThat(shards).hasSize(3);
                assertThat(shards.stream().mapToInt(SweepResult::members).sum()).isEqualTo(8);
                // the shard holding the member that hangs takes its 3 s timeout; the others run meanwhile
                SweepResult slow = shards.stream().filter(r -> r.unreachable() == 1).findFirst().orElseThrow();
                for (SweepResult other : shards) {
                    if (other != slow) {
                        assertThat(other.started()).isBefore(slow.finished());
                        assertThat(other.finished()).isAfter(slow.started());
                    }
                }

                // one shard again: the fleet keeps its members, and every job goes back to one
                config(fleet);
                core.fleetService().reload();
                assertThat(core.scheduler().sweepJobs()).containsExactly("f");
                SweepResult whole = core.fleetService().sweepNow("f").get(60, TimeUnit.SECONDS);
                assertThat(whole.members()).isEqualTo(8);
                assertThat(whole.drifted()).isEqualTo(1);
                assertThat(events.removed).isEmpty();
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void unknownFleetAndBadConfig() throws Exception {
        Path file = config("  - name: f\n    golden: {majority: true}\n");
        try (DaemonCore core = new DaemonCore(file, FleetEvents.NONE).start()) {
            assertThatThrownBy(() -> core.fleetService().sweepNow("nope").get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no fleet named nope");
            assertThat(core.fleetService().diff("nope", "x")).isEmpty();
            assertThat(core.fleetService().diff("f", "x")).isEmpty();
        }
        Files.writeString(file, "fleets: 3\n");
        assertThatThrownBy(() -> new DaemonCore(file, FleetEvents.NONE)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1: fleets: expected a list, found '3'");
    }
}
