package dev.driftd.store;

import java.time.Instant;

/**
 * A DDL statement as the JDBC proxy reported it, the part the store keeps: what ran, when (per the
 * application's clock), by whom and through which guard.
 */
public record ReportedDdl(String statement, boolean truncated, String command, Instant executed, String application,
                          String user, String clientHost, boolean approved, String guard) {
}
