package dev.driftd.store;

import dev.driftd.testing.ScratchStore;
import dev.driftd.testing.ScratchStores;
import dev.driftd.testing.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's JDBC helper on both store kinds: transactions are all or nothing, upserts keep one row per key. */
class JdbcTest {
    @RegisterExtension
    final ScratchStores stores = new ScratchStores();

    private ScratchStore scratch;

    private Store open(String kind) {
        scratch = stores.of(kind);
        return Stores.open(scratch.config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFailedTransactionLeavesNothingAndItsConnectionBackInAutocommit(String kind) {
        try (Store s = open(kind)) {
            Jdbc jdbc = s.jdbc();
            assertThatThrownBy(() -> jdbc.inTransaction("write two rows", c -> {
                insertFleet(c, "first");
                insertFleet(c, "first"); // duplicate key: the whole transaction goes
                return null;
            })).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot write two rows")
                    .message().doesNotContain("\n");
            assertThat(s.fleetState("first")).isEmpty();

            // every pooled connection is back in autocommit: a plain write is kept
            for (int i = 0; i < 4; i++) {
                String fleet = "after-" + i;
                jdbc.call("write", c -> {
                    assertThat(c.getAutoCommit()).isTrue();
                    return insertFleet(c, fleet);
                });
            }
            assertThat(s.fleetState("after-3")).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void upsertInsertsOnceThenUpdatesTheSameRow(String kind) {
        try (Store s = open(kind)) {
            Instant t = Instant.parse("2026-05-06T10:00:00Z");
            List<String> columns = List.of("golden_fingerprint", "updated");
            s.jdbc().call("upsert", c -> {
                Jdbc.upsert(c, "driftd_fleet_state", List.of("fleet"), columns, "aaaa", t, "tenants");
                Jdbc.upsert(c, "driftd_fleet_state", List.of("fleet"), columns, "bbbb", t, "tenants");
                return null;
            });
            assertThat(s.fleetState("tenants").orElseThrow().goldenFingerprint()).isEqualTo("bbbb");
            List<String> fleets = s.jdbc().call("list", c -> Jdbc.query(c, "SELECT fleet FROM driftd_fleet_state",
                    rs -> rs.getString(1)));
            assertThat(fleets).containsExactly("tenants");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void instantsAndNullsRoundTrip(String kind) {
        try (Store s = open(kind)) {
            Instant t = Instant.parse("2026-05-06T10:00:00.123Z");
            s.jdbc().call("write", c -> Jdbc.update(c, "INSERT INTO driftd_fleet_state (fleet, golden_fingerprint, "
                    + "last_sweep_started, updated) VALUES (?, ?, ?, ?)", "tenants", null, null, t));
            FleetRecord back = s.fleetState("tenants").orElseThrow();
            assertThat(back.goldenFingerprint()).isNull();
            assertThat(back.lastSweepStarted()).isNull();
            Optional<Instant> updated = s.jdbc().call("read", c -> Jdbc.queryFirst(c,
                    "SELECT updated FROM driftd_fleet_state", rs -> Jdbc.instant(rs, 1)));
            assertThat(updated).contains(t);
        }
    }

    private static int insertFleet(Connection c, String fleet) throws SQLException {
        return Jdbc.update(c, "INSERT INTO driftd_fleet_state (fleet, updated) VALUES (?, ?)", fleet, Instant.now());
    }
}
