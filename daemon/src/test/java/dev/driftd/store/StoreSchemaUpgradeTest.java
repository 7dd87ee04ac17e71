package dev.driftd.store;

import dev.driftd.diff.Severity;
import dev.driftd.testing.ScratchStore;
import dev.driftd.testing.ScratchStores;
import dev.driftd.testing.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stores written by earlier (and later) releases, on H2 and PostgreSQL: the fixture
 * {@code store/release-v5-store.sql} is a store as the release with schema version 5 wrote it,
 * rows in every table family.
 */
class StoreSchemaUpgradeTest {
    /** Tables created after version 2: a version-2 store has none of them. */
    private static final Set<String> AFTER_V2 = Set.of("driftd_plan", "driftd_plan_approval", "driftd_audit",
            "driftd_rollout", "driftd_rollout_member", "driftd_shard_state", "driftd_waiver");

    @RegisterExtension
    final ScratchStores stores = new ScratchStores();

    private ScratchStore scratch;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aStoreOfTheVersion5ReleaseIsUpgradedWithEveryRowIntact(String kind) throws Exception {
        scratch = stores.of(kind);
        write(kind, releaseV5(kind));
        assertThat(historyIndexes()).contains("driftd_member_history_member");

        try (Store s = Stores.open(scratch.config())) {
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.latest()).isEqualTo(6);
            assertV1Rows(s);
            assertThat(s.shardStates("tenants")).singleElement()
                    .satisfies(r -> assertThat(r.goldenFingerprint()).isEqualTo("gggg"));
            assertThat(count(s, "driftd_waiver")).isEqualTo(1);
            assertThat(count(s, "driftd_schema_version")).isEqualTo(6);
        }
        // version 6: the history index without last_seen replaces the one with it
        assertThat(historyIndexes()).contains("driftd_member_history_by_member")
                .doesNotContain("driftd_member_history_member");
    }

    /** The names of the indexes on driftd_member_history, lower case (H2 keeps them upper case). */
    private List<String> historyIndexes() throws SQLException {
        try (Connection c = connect()) {
            List<String> names = new java.util.ArrayList<>();
            for (String table : List.of("driftd_member_history", "DRIFTD_MEMBER_HISTORY")) {
                try (var rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            names.add(rs.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
            return names;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aVersion2StoreIsUpgradedToTheLatestKeepingItsRows(String kind) throws Exception {
        scratch = stores.of(kind);
        List<String> v2 = releaseV5(kind).stream().filter(sql -> AFTER_V2.stream().noneMatch(sql::contains)).toList();
        write(kind, v2);
        write(kind, List.of("DELETE FROM driftd_schema_version WHERE version > 2"));

        try (Store s = Stores.open(scratch.config())) {
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.latest());
            assertV1Rows(s);
            // the tables of versions 3..5 are there and written to
            assertThat(count(s, "driftd_waiver")).isZero();
            s.saveShardState(new ShardRecord("tenants", 0, 1, "gggg", null, Instant.now(), Instant.now()));
            assertThat(s.shardStates("tenants")).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aStoreOfANewerReleaseIsRefusedWithBothVersionsNamedAndLeftAsItWas(String kind) throws Exception {
        scratch = stores.of(kind);
        write(kind, releaseV5(kind));
        write(kind, List.of("INSERT INTO driftd_schema_version (version, applied) VALUES (7, CURRENT_TIMESTAMP)"));

        assertThatThrownBy(() -> Stores.open(scratch.config()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store schema version 7 is newer than this driftd (knows 1.."
                        + StoreSchema.latest() + "); upgrade driftd")
                .message().doesNotContain("\n");
        try (Connection c = connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*), MAX(version) FROM driftd_schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(6);
            assertThat(rs.getInt(2)).isEqualTo(7);
        }
    }

    private static void assertV1Rows(Store s) {
        assertThat(s.memberStates("tenants")).extracting(MemberRow::member).containsExactly("acme", "globex");
        MemberRow acme = s.memberStates("tenants").get(0);
        assertThat(acme.drifted()).isTrue();
        assertThat(acme.driftSince()).isEqualTo(Instant.parse("2026-05-06T09:00:00Z"));
        assertThat(acme.changes()).containsAllEntriesOf(Map.of(Severity.BREAKING, 2, Severity.ADDITIVE, 1));
        assertThat(s.memberStates("tenants").get(1).error()).isEqualTo("connection refused");
        assertThat(s.history("tenants", "acme")).extracting(HistoryEntry::fingerprint).containsExactly("gggg", "aaaa");
        assertThat(s.driftEvents("tenants", "acme")).singleElement().satisfies(e -> {
            assertThat(e.open()).isTrue();
            assertThat(e.goldenFingerprint()).isEqualTo("gggg");
        });
        assertThat(s.fleetState("tenants").orElseThrow().lastSweepFinished())
                .isEqualTo(Instant.parse("2026-05-06T10:00:00Z"));
        assertThat(new DdlLog(s).recent("tenants", "acme", 10)).singleElement().satisfies(d -> {
            assertThat(d.statement()).isEqualTo("ALTER TABLE t ADD COLUMN c int");
            assertThat(d.driftEventId()).isEqualTo(s.driftEvents("tenants", "acme").get(0).id());
        });
    }

    private static int count(Store s, String table) {
        return s.jdbc().call("count " + table, c -> Jdbc.queryFirst(c, "SELECT COUNT(*) FROM " + table,
                rs -> rs.getInt(1)).orElseThrow());
    }

    private static List<String> releaseV5(String kind) throws IOException {
        try (InputStream in = StoreSchemaUpgradeTest.class.getResourceAsStream("/store/release-v5-store.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return StoreSchema.split(script.replace("${text}", kind.equals("postgres") ? "TEXT" : "CLOB"));
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(scratch.config().url());
    }

    private void write(String kind, List<String> statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
