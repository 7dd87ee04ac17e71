package dev.driftd.fleet;

import dev.driftd.diff.Severity;
import dev.driftd.store.MemberRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The store reads drift from its rows' state names: they must be the fleet's, both ways. */
class MemberRowsTest {
    @ParameterizedTest
    @EnumSource(MemberState.class)
    void everyStateSurvivesTheStoreRowAndOnlyDriftedAndInSyncMoveDriftEvents(MemberState state) {
        MemberStatus status = new MemberStatus("tenants", "acme", state, "ffff", Instant.parse("2026-05-06T10:00:00Z"),
                Instant.parse("2026-05-06T09:00:00Z"), Map.of(Severity.BREAKING, 2), "connect", "refused", "16.4");

        MemberRow row = MemberRows.row(status);

        assertThat(row.drifted()).isEqualTo(state == MemberState.DRIFTED);
        assertThat(row.inSync()).isEqualTo(state == MemberState.IN_SYNC);
        // the server version is not stored: known again at the member's next snapshot
        assertThat(MemberRows.status(row)).isEqualTo(new MemberStatus(status.fleet(), status.member(), state,
                status.fingerprint(), status.lastSnapshot(), status.driftSince(), status.changes(),
                status.errorReason(), status.error()));
    }
}
