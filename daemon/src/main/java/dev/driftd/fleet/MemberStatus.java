package dev.driftd.fleet;

import dev.driftd.diff.Severity;

import java.time.Instant;
import java.util.Map;

/**
 * What the daemon knows of one member after its last snapshot. {@code changes} counts drifting
 * objects per severity (every severity present); {@code driftSince} is when the current drift was
 * first seen (kept across restarts); {@code errorReason} is a short label for metrics
 * ({@code timeout}, {@code auth}, {@code connect}, {@code missing}, {@code query}) and {@code error}
 * the one-line message, never holding a secret. {@code serverVersion} is what the member's server
 * reported at its last good snapshot ({@code 16.10}, {@code 10.11.19-MariaDB-…}); null before one
 * (and, after a restart, until the first sweep).
 */
public record MemberStatus(String fleet, String member, MemberState state, String fingerprint,
                           Instant lastSnapshot, Instant driftSince, Map<Severity, Integer> changes,
                           String errorReason, String error, String serverVersion) {
    public MemberStatus {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public MemberStatus(String fleet, String member, MemberState state, String fingerprint, Instant lastSnapshot,
                        Instant driftSince, Map<Severity, Integer> changes, String errorReason, String error) {
        this(fleet, member, state, fingerprint, lastSnapshot, driftSince, changes, errorReason, error, null);
    }
}
