package dev.driftd.fleet;

import dev.driftd.reconcile.ReconcileException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a waiver made through the API expires, as its request writes it. */
class WaiverExpiryTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void expiryIsAnInstantOrADurationFromNowAndNeverInThePast() {
        assertThat(WaiverService.expiry("7d", NOW)).isEqualTo(NOW.plusSeconds(7 * 86400));
        assertThat(WaiverService.expiry("2026-12-31T00:00:00Z", NOW)).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThatThrownBy(() -> WaiverService.expiry(null, NOW)).isInstanceOf(ReconcileException.class)
                .hasMessageContaining("needs \"expires\"");
        assertThatThrownBy(() -> WaiverService.expiry("2026-01-01T00:00:00Z", NOW))
                .hasMessageContaining("is not in the future");
        assertThatThrownBy(() -> WaiverService.expiry("0s", NOW)).hasMessageContaining("is not in the future");
        assertThatThrownBy(() -> WaiverService.expiry("next week", NOW))
                .hasMessageContaining("neither an ISO-8601 instant");
        assertThatThrownBy(() -> WaiverService.expiry("+20000-01-01T00:00:00Z", NOW))
                .hasMessageContaining("the latest instant the store keeps");
        assertThatThrownBy(() -> WaiverService.expiry("99999999999999d", NOW)).isInstanceOf(ReconcileException.class);
    }
}
