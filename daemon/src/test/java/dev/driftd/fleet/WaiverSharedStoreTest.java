package dev.driftd.fleet;

import dev.driftd.testing.Stores;
import dev.driftd.config.StoreConfig;
import dev.driftd.diff.Diff;
import dev.driftd.diff.Differ;
import dev.driftd.diff.Severity;
import dev.driftd.reconcile.AuditEntry;
import dev.driftd.reconcile.AuditLog;
import dev.driftd.reconcile.PlanStore;
import dev.driftd.reconcile.ReconcileException;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.store.Store;
import dev.driftd.testing.TempDirs;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import dev.driftd.waiver.ChangeFingerprint;
import dev.driftd.waiver.WaivedChange;
import dev.driftd.waiver.Waiver;
import dev.driftd.waiver.WaiverSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Waivers in a store shared by two nodes (PostgreSQL, as a cluster runs) and across a restart
 * (H2 and PostgreSQL): one node's waiver is in force on the other, its expiry flips the member back
 * on both without a sweep and is audited exactly once, a removal is seen everywhere.
 */
class WaiverSharedStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    /** A clock the test moves: both "nodes" read the same one. */
    private static final class MovableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Snapshot snapshot(String... extraColumns) {
        List<dev.driftd.schema.SchemaObject> objects = new java.util.ArrayList<>(List.of(Table.plain("public", "t"),
                Column.of("public", "t", "a", 1, "integer")));
        for (int i = 0; i < extraColumns.length; i++) {
            objects.add(Column.of("public", "t", extraColumns[i], i + 2, "text"));
        }
        return new Snapshot(Flavor.POSTGRES, "test", Scope.database("db", List.of("public")), objects,
                java.util.Set.of());
    }

    private static final Diff DIFF = Differ.compare(snapshot(), snapshot("hotfix"));

    private static FleetStatus drifted() {
        return new FleetStatus("shop", "0 */5 * * * ?", "g", null, T0, T0, List.of(new MemberStatus("shop", "acme",
                MemberState.DRIFTED, "m", T0, T0.minusSeconds(600), Map.of(Severity.DESTRUCTIVE, 1), null, null)));
    }

    private static MemberState state(WaiverService node) {
        return node.apply(drifted(), (f, m) -> Optional.of(DIFF)).members().get(0).state();
    }

    private static WaiverService.Request hotfix(String expires) {
        return new WaiverService.Request("acme", "team-payments", "INC-4411", expires,
                List.<String[]>of(new String[]{"column", "public.t.hotfix"}));
    }

    private static long audited(Store store, String action, String id) {
        List<AuditEntry> all = new AuditLog(new PlanStore(store)).query(new AuditLog.Query("shop", null, null, null,
                null), 1000);
        return all.stream().filter(e -> e.action().equals(action) && e.result().contains(id)).count();
    }

    @Test
    void twoNodesOnOnePostgresStore() {
        TestServer pg = TestDatabases.postgres();
        assumeTrue(pg != null, "no PostgreSQL server");
        try (TestDatabase db = pg.createDatabase("w15a_store")) {
            StoreConfig config = new StoreConfig(db.url(), null, null, StoreConfig.DEFAULT_RETENTION);
            MovableClock clock = new MovableClock();
            try (Store a = Stores.open(config); Store b = Stores.open(config);
                 WaiverService nodeA = new WaiverService(a, clock, false);
                 WaiverService nodeB = new WaiverService(b, clock, false)) {
                assertThat(state(nodeB)).isEqualTo(MemberState.DRIFTED);
                Waiver w = nodeA.create("shop", hotfix("1h"), DIFF, "alice");
                assertThat(w.expires()).isEqualTo(T0.plus(Duration.ofHours(1)));
                assertThat(state(nodeA)).isEqualTo(MemberState.IN_SYNC);
                nodeB.refresh(); // what node B's background tick does every 2 s
                assertThat(nodeB.list("shop")).extracting(Waiver::id).containsExactly(w.id());
                assertThat(state(nodeB)).isEqualTo(MemberState.IN_SYNC);
                assertThat(nodeB.summaries(drifted(), (f, m) -> Optional.of(DIFF)))
                        .containsEntry("acme", new WaiverSummary(1, w.expires()));

                // expiry: both nodes flip back on their own; the audit entry is written once
                clock.now = w.expires();
                assertThat(state(nodeA)).isEqualTo(MemberState.DRIFTED);
                assertThat(state(nodeB)).isEqualTo(MemberState.DRIFTED);
                nodeA.tick();
                nodeB.tick();
                nodeA.tick();
                assertThat(audited(a, "waiver-expire", w.id())).isEqualTo(1);
                assertThat(audited(a, "waiver-create", w.id())).isEqualTo(1);

                // a removal on one node is gone on the other, and cannot be repeated
                Waiver second = nodeB.create("shop", hotfix("2h"), DIFF, "bob");
                nodeA.refresh();
                assertThat(state(nodeA)).isEqualTo(MemberState.IN_SYNC);
                nodeA.delete("shop", second.id(), "alice");
                nodeB.refresh();
                assertThat(state(nodeB)).isEqualTo(MemberState.DRIFTED);
                assertThatThrownBy(() -> nodeB.delete("shop", second.id(), "bob"))
                        .isInstanceOf(ReconcileException.class).hasMessageContaining("no waiver");
                assertThat(audited(b, "waiver-delete", second.id())).isEqualTo(1);
            }
        }
    }

    @Test
    void h2StoreKeepsWaiversAcrossARestart() throws Exception {
        Path dir = Files.createTempDirectory("w15a-waivers");
        try {
            StoreConfig config = new StoreConfig("jdbc:h2:file:" + dir.resolve("driftd"), null, null,
                    StoreConfig.DEFAULT_RETENTION);
            MovableClock clock = new MovableClock();
            Waiver w;
            try (Store s = Stores.open(config); WaiverService node = new WaiverService(s, clock, false)) {
                w = node.create("shop", hotfix("2026-12-07T00:00:00Z"), DIFF, "alice");
            }
            try (Store s = Stores.open(config); WaiverService node = new WaiverService(s, clock, false)) {
                assertThat(node.list("shop")).singleElement().satisfies(x -> {
                    assertThat(x).isEqualTo(w);
                    assertThat(x.changes()).singleElement().extracting(WaivedChange::fingerprint)
                            .isEqualTo(ChangeFingerprint.of(DIFF.changes().get(0)));
                });
                assertThat(state(node)).isEqualTo(MemberState.IN_SYNC);
                clock.now = Instant.parse("2026-12-07T00:00:00Z");
                assertThat(state(node)).isEqualTo(MemberState.DRIFTED);
                node.tick();
                assertThat(audited(s, "waiver-expire", w.id())).isEqualTo(1);
                // retention forgets it once it expired longer ago than the store keeps history
                assertThat(node.applyRetention(Duration.ofDays(1), clock.now.plus(Duration.ofHours(23)))).isZero();
                assertThat(node.applyRetention(Duration.ofDays(1), clock.now.plus(Duration.ofHours(25)))).isEqualTo(1);
                assertThat(node.list("shop")).isEmpty();
                assertThat(audited(s, "waiver-create", w.id())).isEqualTo(1);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }
}
