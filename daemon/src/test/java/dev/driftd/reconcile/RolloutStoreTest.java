package dev.driftd.reconcile;

import dev.driftd.testing.Stores;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Flavor;
import dev.driftd.store.Store;
import dev.driftd.testing.ScratchStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollouts in the store, H2 and PostgreSQL alike: written and read back whole (plan, settings,
 * members), a start only from PLANNED, member progress, the end skipping members not reached, a
 * reopened store showing all of it, and rollouts whose node stopped writing heartbeats interrupted.
 */
class RolloutStoreTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    static Rollout rollout(String fleet, int members) {
        Plan plan = new Plan(Flavor.POSTGRES, "g".repeat(64), "v".repeat(64), true, List.of("SET lock_timeout = '10s'"),
                List.of(PlanStatement.of("CREATE INDEX i ON t (a)", "missing index", Hazard.INDEX_BUILD),
                        PlanStatement.of("ALTER TABLE t DROP COLUMN b", "extra column", Hazard.DELETES_DATA)),
                List.of());
        List<RolloutMember> ms = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            ms.add(new RolloutMember(i, "m" + i, Rollout.waveOf(i, 1, 2), RolloutMember.State.WAITING, null, null, null,
                    null, null));
        }
        return new Rollout(java.util.UUID.randomUUID().toString(), fleet, "v".repeat(64), "alice", T0, plan, 1, 2,
                Duration.ofSeconds(60), Rollout.State.PLANNED, null, null, null, null, ms);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void lifeOfARolloutSurvivesAReopen(String kind) {
        try (ScratchStore scratch = ScratchStore.of(kind, dir)) {
            Rollout r = rollout("tenants", 5);
            try (Store store = Stores.open(scratch.config())) {
                RolloutStore rollouts = new RolloutStore(new PlanStore(store));
                rollouts.insert(r);
                Rollout read = rollouts.find(r.id()).orElseThrow();
                assertThat(read.plan()).isEqualTo(r.plan());
                assertThat(read.members()).isEqualTo(r.members());
                assertThat(read.members()).extracting(RolloutMember::wave).containsExactly(0, 1, 1, 2, 2);
                assertThat(read.pause()).isEqualTo(Duration.ofSeconds(60));
                assertThat(read.createdAt()).isEqualTo(T0);

                assertThat(read.state()).isEqualTo(Rollout.State.PLANNED);
                assertThat(rollouts.start("tenants", r.id(), "bob", T0.plusSeconds(1)).started()).isTrue();
                assertThat(rollouts.start("tenants", r.id(), "carol", T0.plusSeconds(2)).started()).isFalse();
                assertThat(rollouts.start("other", r.id(), "carol", T0.plusSeconds(2)).started()).isFalse();
                assertThat(rollouts.find(r.id()).orElseThrow().state()).isEqualTo(Rollout.State.RUNNING);

                RolloutMember canary = r.members().get(0).applying(T0.plusSeconds(3));
                rollouts.updateMember(r.id(), canary, T0.plusSeconds(3));
                rollouts.updateMember(r.id(), canary.done(RolloutMember.State.APPLIED, "v".repeat(64), "g".repeat(64),
                        null, T0.plusSeconds(4)), T0.plusSeconds(4));
                RolloutMember second = r.members().get(1).applying(T0.plusSeconds(5));
                rollouts.updateMember(r.id(), second.done(RolloutMember.State.FAILED, "x".repeat(64), "x".repeat(64),
                        "its fingerprint is xxx", T0.plusSeconds(6)), T0.plusSeconds(6));
                rollouts.finish(r.id(), Rollout.State.STOPPED, "stopped at member 'm1'", T0.plusSeconds(7));
            }
            try (Store store = Stores.open(scratch.config())) {
                RolloutStore rollouts = new RolloutStore(new PlanStore(store));
                Rollout after = rollouts.find(r.id()).orElseThrow();
                assertThat(after.state()).isEqualTo(Rollout.State.STOPPED);
                assertThat(after.startedBy()).isEqualTo("bob");
                assertThat(after.finishedAt()).isEqualTo(T0.plusSeconds(7));
                assertThat(after.result()).isEqualTo("stopped at member 'm1'");
                assertThat(after.members()).extracting(RolloutMember::state).containsExactly(RolloutMember.State.APPLIED,
                        RolloutMember.State.FAILED, RolloutMember.State.SKIPPED, RolloutMember.State.SKIPPED,
                        RolloutMember.State.SKIPPED);
                assertThat(after.members().get(0).afterFingerprint()).isEqualTo("g".repeat(64));
                assertThat(after.members().get(1).error()).isEqualTo("its fingerprint is xxx");
                assertThat(after.members().get(1).startedAt()).isEqualTo(T0.plusSeconds(5));
                assertThat(rollouts.list("tenants", 10)).extracting(Rollout::id).containsExactly(r.id());
            }
        }
    }

    /**
     * Two rollouts of one fleet started at the same moment (two nodes, or two requests on one):
     * exactly one runs, the other is told which one does; another fleet is not held up.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneRolloutOfAFleetRunsWhateverRacesToStart(String kind) throws Exception {
        try (ScratchStore scratch = ScratchStore.of(kind, dir); Store store = Stores.open(scratch.config())) {
            RolloutStore rollouts = new RolloutStore(new PlanStore(store));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 10; round++) {
                    String fleet = "tenants" + round;
                    Rollout a = rollout(fleet, 2);
                    Rollout b = rollout(fleet, 2);
                    rollouts.insert(a);
                    rollouts.insert(b);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<RolloutStore.Start> startA = pool.submit(() -> {
                        go.await();
                        return rollouts.start(fleet, a.id(), "bob", T0);
                    });
                    Future<RolloutStore.Start> startB = pool.submit(() -> {
                        go.await();
                        return rollouts.start(fleet, b.id(), "carol", T0);
                    });
                    go.countDown();
                    RolloutStore.Start ra = startA.get(30, TimeUnit.SECONDS);
                    RolloutStore.Start rb = startB.get(30, TimeUnit.SECONDS);
                    assertThat(ra.started() ^ rb.started()).as("round %d: exactly one starts", round).isTrue();
                    String winner = ra.started() ? a.id() : b.id();
                    assertThat((ra.started() ? rb : ra).otherRunning()).isEqualTo(winner);
                    assertThat(List.of(a, b)).extracting(r -> rollouts.find(r.id()).orElseThrow().state())
                            .containsExactlyInAnyOrder(Rollout.State.RUNNING, Rollout.State.PLANNED);
                }
                Rollout shops = rollout("shops", 1);
                rollouts.insert(shops);
                assertThat(rollouts.start("shops", shops.id(), "bob", T0).started()).isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void runningRolloutsWithoutHeartbeatAreInterrupted(String kind) {
        try (ScratchStore scratch = ScratchStore.of(kind, dir); Store store = Stores.open(scratch.config())) {
            RolloutStore rollouts = new RolloutStore(new PlanStore(store));
            Rollout dead = rollout("tenants", 3);
            Rollout alive = rollout("shops", 2);
            Rollout planned = rollout("tenants", 2);
            for (Rollout r : List.of(dead, alive, planned)) {
                rollouts.insert(r);
            }
            rollouts.start("tenants", dead.id(), "bob", T0);
            rollouts.updateMember(dead.id(), dead.members().get(0).applying(T0), T0);
            rollouts.start("shops", alive.id(), "bob", T0);
            rollouts.heartbeat(Set.of(alive.id()), T0.plusSeconds(100));

            List<String> interrupted = rollouts.interruptOrphans(T0.plusSeconds(60), T0.plusSeconds(120));
            assertThat(interrupted).containsExactly(dead.id());
            assertThat(rollouts.interruptOrphans(T0.plusSeconds(60), T0.plusSeconds(121))).isEmpty();

            Rollout d = rollouts.find(dead.id()).orElseThrow();
            assertThat(d.state()).isEqualTo(Rollout.State.INTERRUPTED);
            assertThat(d.result()).contains("no heartbeat");
            assertThat(d.members()).extracting(RolloutMember::state).containsExactly(RolloutMember.State.FAILED,
                    RolloutMember.State.SKIPPED, RolloutMember.State.SKIPPED);
            assertThat(d.members().get(0).error()).isEqualTo(RolloutStore.OUTCOME_UNKNOWN);
            assertThat(rollouts.find(alive.id()).orElseThrow().state()).isEqualTo(Rollout.State.RUNNING);
            assertThat(rollouts.find(planned.id()).orElseThrow().state()).isEqualTo(Rollout.State.PLANNED);

            // kill -9 leaves no goodbye: the node that marks the orphan writes its audit entry (issue 14 item 8),
            // once, naming the member whose outcome is unknown
            List<AuditEntry> audit = new AuditLog(new PlanStore(store))
                    .query(new AuditLog.Query(null, null, dead.id(), null, null), 10);
            assertThat(audit).extracting(AuditEntry::action).containsExactly("rollout-interrupted");
            AuditEntry e = audit.get(0);
            assertThat(e.fleet()).isEqualTo("tenants");
            assertThat(e.token()).isEqualTo("bob");
            assertThat(e.result()).contains("no heartbeat").contains("outcome unknown on m0");
            assertThat(new AuditLog(new PlanStore(store)).query(new AuditLog.Query(null, null, alive.id(), null, null), 10))
                    .isEmpty();
        }
    }
}
