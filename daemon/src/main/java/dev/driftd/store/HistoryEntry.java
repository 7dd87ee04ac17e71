package dev.driftd.store;

import java.time.Instant;

/** One stretch of a member's history: it had {@code fingerprint} from {@code firstSeen} to {@code lastSeen}. */
public record HistoryEntry(String fleet, String member, String fingerprint, Instant firstSeen, Instant lastSeen) {
}
