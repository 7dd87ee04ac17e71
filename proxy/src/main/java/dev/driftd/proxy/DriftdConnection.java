package dev.driftd.proxy;

/**
 * What a migration tool (or its plugin) can tell the proxy about a connection, reached with
 * {@code connection.unwrap(DriftdConnection.class)} after {@code isWrapperFor} says it is there.
 * The same can be said without this interface: {@code /* driftd:allow-session flyway *}{@code /}
 * as a statement, or client info {@code driftd.approve} / {@code driftd.migration}.
 */
public interface DriftdConnection {
    /**
     * Approves every DDL statement this connection runs from now on (the guard lets it through
     * and events say approved), until {@link #endSession()}; the tool's name goes into the
     * events' attribution. {@code tool} may be null or empty for an unnamed approval.
     */
    void approveSession(String tool);

    /** Withdraws the approval; DDL needs its own marker again. */
    void endSession();

    /** The migration now running (a version or changeset id), carried in the events' attribution; null clears it. */
    void setMigration(String migration);
}
