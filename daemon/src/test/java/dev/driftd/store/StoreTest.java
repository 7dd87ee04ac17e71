package dev.driftd.store;

import dev.driftd.testing.Stores;
import dev.driftd.config.StoreConfig;
import dev.driftd.diff.Severity;
import dev.driftd.fleet.MemberRows;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.SchemaDef;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.ScratchStore;
import dev.driftd.testing.ScratchStores;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The same tests against an embedded H2 file and a scratch PostgreSQL database. */
class StoreTest {
    @RegisterExtension
    final ScratchStores stores = new ScratchStores();

    private ScratchStore scratch;

    private StoreConfig config(String kind) {
        if (scratch == null) {
            scratch = stores.of(kind);
        }
        return scratch.config();
    }

    private static Snapshot snapshot(String schemaName) {
        return new Snapshot(Flavor.POSTGRES, "15", Scope.database("app", List.of(schemaName)),
                List.of(new SchemaDef(schemaName, null)), Set.of());
    }

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(1));

    private static MemberRow status(String member, MemberState state, Snapshot s, Instant at, Instant since,
                                    int breaking) {
        return MemberRows.row(new MemberStatus("tenants", member, state, s == null ? null : s.fingerprint(), at, since,
                Map.of(Severity.BREAKING, breaking, Severity.DESTRUCTIVE, 0, Severity.ADDITIVE, 1,
                        Severity.COSMETIC, 0), null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSweepsMembersAreRecordedInBatchesAndABadRowCostsOnlyItself(String kind) throws Exception {
        try (Store s = Stores.open(config(kind))) {
            Snapshot golden = snapshot("public");
            Snapshot drifted = snapshot("extra");
            List<Store.MemberRecord> records = new java.util.ArrayList<>();
            // more than one transaction's worth, so the second batch is exercised too
            for (int i = 0; i <= Store.MEMBERS_PER_TRANSACTION; i++) {
                records.add(new Store.MemberRecord(status("ok" + i, MemberState.IN_SYNC, golden, T0, null, 0), golden,
                        golden.fingerprint()));
            }
            records.add(new Store.MemberRecord(status("d", MemberState.DRIFTED, drifted, T0, T0, 2), drifted,
                    golden.fingerprint()));
            // a row the store refuses (no member name): its batch is retried member by member
            records.add(3, new Store.MemberRecord(new MemberRow("tenants", null, MemberRow.IN_SYNC, golden.fingerprint(),
                    T0, null, Map.of(), null, null), golden, golden.fingerprint()));

            List<String> failures = s.recordMembers(records);

            assertThat(failures).hasSize(1);
            assertThat(s.memberStates("tenants")).hasSize(Store.MEMBERS_PER_TRANSACTION + 2);
            assertThat(s.history("tenants", "ok0")).singleElement()
                    .satisfies(h -> assertThat(h.fingerprint()).isEqualTo(golden.fingerprint()));
            assertThat(s.history("tenants", "ok" + Store.MEMBERS_PER_TRANSACTION)).hasSize(1);
            assertThat(s.driftEvents("tenants", "d")).singleElement()
                    .satisfies(e -> assertThat(e.resolved()).isNull());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void schemaIsCreatedOnceAndReopeningIsHarmless(String kind) throws Exception {
        StoreConfig c = config(kind);
        try (Store s = Stores.open(c)) {
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.latest());
            assertThat(s.ping()).isTrue();
        }
        try (Store s = Stores.open(c)) {
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.latest());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres"})
    void severalNodesStartingAtOnceAllSucceed(String kind) throws Exception {
        StoreConfig c = config(kind);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> {
                    try (Store s = Stores.open(c)) {
                        return s.schemaVersion();
                    }
                });
            }
            for (Future<Integer> f : pool.invokeAll(starts)) {
                assertThat(f.get()).isEqualTo(StoreSchema.latest());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void snapshotsAreStoredOncePerFingerprintAndReadBack(String kind) {
        try (Store s = Stores.open(config(kind))) {
            Snapshot a = snapshot("a");
            s.saveSnapshot(a);
            s.saveSnapshot(snapshot("a"));
            s.saveSnapshot(snapshot("b"));
            assertThat(s.fingerprintsStartingWith("")).hasSize(2).contains(a.fingerprint());
            assertThat(s.fingerprintsStartingWith(a.fingerprint().substring(0, 10))).containsExactly(a.fingerprint());
            Snapshot back = s.snapshot(a.fingerprint()).orElseThrow();
            assertThat(back.fingerprint()).isEqualTo(a.fingerprint());
            assertThat(back.objects()).isEqualTo(a.objects());
            assertThat(back.getScope()).isEqualTo(a.getScope());
            assertThat(s.snapshot("0".repeat(64))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void historyDriftEventsAndStateSurviveARestart(String kind) {
        StoreConfig c = config(kind);
        Snapshot golden = snapshot("g");
        Snapshot a = snapshot("a");
        Snapshot b = snapshot("b");
        Instant t1 = T0;
        Instant t2 = T0.plusSeconds(60);
        Instant t3 = T0.plusSeconds(120);
        try (Store s = Stores.open(c)) {
            s.recordMember(status("m1", MemberState.DRIFTED, a, t1, t1, 2), a, golden.fingerprint());
            s.recordMember(status("m1", MemberState.DRIFTED, a, t2, t1, 3), a, golden.fingerprint());
            s.recordMember(status("m1", MemberState.DRIFTED, b, t3, t1, 1), b, golden.fingerprint());
            s.saveFleetState(new FleetRecord("tenants", golden.fingerprint(), null, t3, t3.plusSeconds(1)));
        }
        try (Store s = Stores.open(c)) {
            List<HistoryEntry> h = s.history("tenants", "m1");
            assertThat(h).extracting(HistoryEntry::fingerprint).containsExactly(a.fingerprint(), b.fingerprint());
            assertThat(h.get(0).firstSeen()).isEqualTo(t1);
            assertThat(h.get(0).lastSeen()).isEqualTo(t2);
            assertThat(h.get(1).firstSeen()).isEqualTo(t3);

            List<DriftEvent> events = s.driftEvents("tenants", "m1");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).opened()).isEqualTo(t1);
            assertThat(events.get(0).open()).isTrue();
            assertThat(events.get(0).fingerprint()).isEqualTo(b.fingerprint());
            assertThat(events.get(0).changes()).containsEntry(Severity.BREAKING, 1);

            MemberStatus kept = MemberRows.status(s.memberStates("tenants").get(0));
            assertThat(kept.state()).isEqualTo(MemberState.DRIFTED);
            assertThat(kept.driftSince()).isEqualTo(t1);
            assertThat(kept.lastSnapshot()).isEqualTo(t3);
            assertThat(kept.changes()).containsEntry(Severity.BREAKING, 1).containsEntry(Severity.ADDITIVE, 1);
            assertThat(s.fleetState("tenants").orElseThrow().goldenFingerprint()).isEqualTo(golden.fingerprint());

            Instant t4 = T0.plusSeconds(180);
            s.recordMember(status("m1", MemberState.IN_SYNC, golden, t4, null, 0), golden, golden.fingerprint());
            DriftEvent resolved = s.driftEvents("tenants", "m1").get(0);
            assertThat(resolved.resolved()).isEqualTo(t4);
            assertThat(s.memberStates("tenants").get(0).driftSince()).isNull();

            // drifting again opens a second event
            s.recordMember(status("m1", MemberState.DRIFTED, a, t4.plusSeconds(60), t4.plusSeconds(60), 2), a,
                    golden.fingerprint());
            assertThat(s.driftEvents("tenants", "m1")).hasSize(2);
            assertThat(s.driftEvents("tenants", "m1").get(1).open()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void unreachableKeepsDriftOpenAndRemovalResolvesIt(String kind) {
        try (Store s = Stores.open(config(kind))) {
            Snapshot a = snapshot("a");
            s.recordMember(status("m1", MemberState.DRIFTED, a, T0, T0, 1), a, "g");
            MemberStatus down = new MemberStatus("tenants", "m1", MemberState.UNREACHABLE, a.fingerprint(), T0, T0,
                    Map.of(), "connect", "connection refused");
            s.recordMember(MemberRows.row(down), null, "g");
            assertThat(s.driftEvents("tenants", "m1").get(0).open()).isTrue();
            assertThat(s.memberStates("tenants").get(0).errorReason()).isEqualTo("connect");
            assertThat(s.history("tenants", "m1")).hasSize(1);

            s.removeMember("tenants", "m1", T0.plusSeconds(5));
            assertThat(s.memberStates("tenants")).isEmpty();
            assertThat(s.driftEvents("tenants", "m1").get(0).resolved()).isEqualTo(T0.plusSeconds(5));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void retentionDeletesOldRowsButKeepsWhatIsCurrentOrPinned(String kind) {
        try (Store s = Stores.open(config(kind))) {
            Snapshot old = snapshot("old");
            Snapshot current = snapshot("current");
            Snapshot pinned = snapshot("pinned");
            Snapshot orphan = snapshot("orphan");
            Instant longAgo = T0.minus(Duration.ofDays(200));
            s.recordMember(status("m1", MemberState.DRIFTED, old, longAgo, longAgo, 1), old, "g");
            s.recordMember(status("m1", MemberState.IN_SYNC, current, longAgo.plusSeconds(10), null, 0), current, "g");
            s.recordMember(status("m2", MemberState.IN_SYNC, current, longAgo, null, 0), current, "g");
            s.saveSnapshot(pinned);
            s.saveSnapshot(orphan);

            // "now" is far enough ahead that every row above is past a 90-day retention
            Instant now = Instant.now().plus(Duration.ofDays(100));
            int deleted = s.applyRetention(Duration.ofDays(90), now, Set.of(pinned.fingerprint()));

            assertThat(s.history("tenants", "m1")).extracting(HistoryEntry::fingerprint)
                    .containsExactly(current.fingerprint());
            assertThat(s.history("tenants", "m2")).hasSize(1); // the latest stretch always stays
            assertThat(s.driftEvents("tenants", "m1")).isEmpty();
            assertThat(s.snapshot(old.fingerprint())).isEmpty();
            assertThat(s.snapshot(orphan.fingerprint())).isEmpty();
            assertThat(s.snapshot(current.fingerprint())).isPresent();
            assertThat(s.snapshot(pinned.fingerprint())).isPresent();
            assertThat(deleted).isEqualTo(4); // 1 history row, 1 drift event, 2 snapshots
        }
    }
}
