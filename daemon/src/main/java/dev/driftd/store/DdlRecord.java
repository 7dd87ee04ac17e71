package dev.driftd.store;

import java.time.Instant;

/**
 * A DDL statement the JDBC proxy reported for one member, as stored.
 *
 * @param received     when the daemon received it (the daemon's clock)
 * @param executed     when it succeeded, per the application's clock
 * @param driftEventId the drift event the member was in at the first snapshot after this statement
 *                     (the drift this statement caused or added to); null when that snapshot found the
 *                     member in sync or has not run yet
 */
public record DdlRecord(long id, String fleet, String member, Instant received, Instant executed, String statement,
                        boolean truncated, String command, String application, String user, String clientHost,
                        boolean approved, String guard, Long driftEventId) {
}
