package dev.driftd.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.driftd.schema.Snapshot;
import dev.driftd.util.SqlErrors;
import dev.driftd.util.UrlRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's memory, over plain JDBC with one code path for embedded H2 and PostgreSQL: opens
 * the pool, brings the schema up to date, and answers for the store's table families (snapshots,
 * member state, history and drift events, fleet and shard sweeps, retention), each kept by its own
 * class. Recording a member's sweep outcome spans several of them in one transaction, so it is here.
 */
public final class Store implements SnapshotArchive, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final HikariDataSource pool;
    private final boolean postgres;
    private final String description;
    private final Jdbc jdbc;
    private final SnapshotTable snapshots;
    private final MemberStateTable members;
    private final MemberHistoryTable history;
    private final DriftEventTable drift;
    private final SweepStateTables sweeps;
    private final Retention retention;

    private Store(HikariDataSource pool, boolean postgres, String description) {
        this.pool = pool;
        this.postgres = postgres;
        this.description = description;
        this.jdbc = new Jdbc(pool, description);
        this.snapshots = new SnapshotTable(jdbc);
        this.members = new MemberStateTable(jdbc);
        this.history = new MemberHistoryTable(jdbc);
        this.drift = new DriftEventTable(jdbc);
        this.sweeps = new SweepStateTables(jdbc);
        this.retention = new Retention(jdbc);
    }

    /** The JDBC helper over this store's pool, for features with their own tables (plans, rollouts, audit, waivers). */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** True for a PostgreSQL store, false for embedded H2 (column types differ). */
    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Opens the pool on {@code url} (embedded H2 or PostgreSQL; user and password may be null) and
     * creates or upgrades the tables. Refuses a store written by a newer driftd.
     */
    public static Store open(String url, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        if (url.startsWith("jdbc:h2:")) {
            // H2 flushes commits to disk up to half a second late by default: a daemon killed in that
            // window (kill -9, power loss) would lose plans, approvals, audit entries it had answered for
            hc.setConnectionInitSql("SET WRITE_DELAY 0");
        }
        hc.setPoolName("driftd-store");
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        // fail at open with the real reason rather than with a pool timeout on first use
        hc.setInitializationFailTimeout(10_000);
        String shown = UrlRedaction.redact(url);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store " + shown + ": " + SqlErrors.oneLine(e), e);
        }
        Store store = new Store(pool, url.startsWith("jdbc:postgresql:"), shown);
        try (Connection c = pool.getConnection()) {
            StoreSchema.migrate(c, store.postgres);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot prepare the store " + shown + ": " + SqlErrors.oneLine(e), e);
        }
        return store;
    }

    /** True when the store answers a query now. */
    public boolean ping() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public int schemaVersion() {
        return jdbc.call("read the schema version", StoreSchema::current);
    }

    // ---- snapshots

    /** Stores a snapshot unless one with its fingerprint is already there (also when another node races us). */
    public void saveSnapshot(Snapshot snapshot) {
        jdbc.call("save a snapshot", c -> {
            SnapshotTable.save(c, snapshot, Instant.now());
            return null;
        });
    }

    @Override
    public Optional<Snapshot> snapshot(String fingerprint) {
        return snapshots.snapshot(fingerprint);
    }

    /** Fingerprints of stored snapshots starting with {@code prefix} (at most 10), for pinning by a short prefix. */
    @Override
    public List<String> fingerprintsStartingWith(String prefix) {
        return snapshots.fingerprintsStartingWith(prefix);
    }

    // ---- members

    /**
     * Records one member's outcome of a sweep in one transaction: its snapshot (when taken), its
     * history, its current state, and its drift event (opened at {@code row.driftSince()} when
     * it drifts, updated while it stays drifted, resolved when it is back in sync). An unreachable
     * or pending member leaves history and drift events as they were.
     */
    public void recordMember(MemberRow row, Snapshot snapshot, String goldenFingerprint) {
        jdbc.inTransaction("record member " + row.fleet() + "/" + row.member(), c -> {
            record(c, new MemberRecord(row, snapshot, goldenFingerprint));
            return null;
        });
    }

    /** One member's outcome of a sweep, as {@link #recordMember} takes it. */
    public record MemberRecord(MemberRow row, Snapshot snapshot, String goldenFingerprint) {
    }

    /** Members recorded per transaction by {@link #recordMembers}. */
    static final int MEMBERS_PER_TRANSACTION = 1_000;

    /**
     * Records a sweep's members as {@link #recordMember} does, {@link #MEMBERS_PER_TRANSACTION} per
     * transaction instead of one each. Why: every commit costs the store a durable write (an H2
     * file chunk, since commits are written at once; a WAL flush on PostgreSQL), and a sweep
     * records every member, changed or not: at 500 members every 5 minutes, one transaction each
     * grew H2's file to gigabytes in a day (bench/store-growth-bench.sh). When a batch fails, it is
     * rolled back and its members are recorded one transaction each, so one bad row costs only
     * itself, as before (unless the store does not answer at all: then the batch is counted as
     * failed at once). Returns one line per member that could not be recorded.
     */
    public List<String> recordMembers(List<MemberRecord> records) {
        List<String> failures = new ArrayList<>();
        for (int from = 0; from < records.size(); from += MEMBERS_PER_TRANSACTION) {
            List<MemberRecord> batch = records.subList(from, Math.min(records.size(), from + MEMBERS_PER_TRANSACTION));
            try {
                jdbc.inTransaction("record " + batch.size() + " members", c -> {
                    for (MemberRecord r : batch) {
                        record(c, r);
                    }
                    return null;
                });
            } catch (RuntimeException batchFailed) {
                if (!ping()) {
                    // the store itself is away: one attempt per member would only wait out each timeout
                    batch.forEach(r -> failures.add(SqlErrors.oneLine(batchFailed)));
                    continue;
                }
                for (MemberRecord r : batch) {
                    try {
                        recordMember(r.row(), r.snapshot(), r.goldenFingerprint());
                    } catch (RuntimeException e) {
                        failures.add(SqlErrors.oneLine(e));
                    }
                }
            }
        }
        // a sweep is the store's main writer: it pays for the compaction its writes make necessary
        compactH2();
        return failures;
    }

    private static void record(Connection c, MemberRecord r) throws SQLException {
        MemberRow row = r.row();
        Snapshot snapshot = r.snapshot();
        Instant now = row.lastSnapshot() != null && snapshot != null ? row.lastSnapshot() : Instant.now();
        if (snapshot != null) {
            SnapshotTable.save(c, snapshot, now);
            MemberHistoryTable.seen(c, row.fleet(), row.member(), snapshot.fingerprint(), now);
        }
        MemberStateTable.save(c, row);
        if (row.drifted()) {
            DriftEventTable.openOrUpdate(c, row, r.goldenFingerprint());
        } else if (row.inSync()) {
            DriftEventTable.resolve(c, row.fleet(), row.member(), now);
        }
    }

    /** Every member's last recorded state in a fleet (what a restarted daemon starts from). */
    public List<MemberRow> memberStates(String fleet) {
        return members.list(fleet);
    }

    /** A member left its fleet: its current state goes, its open drift is resolved; history stays for retention. */
    public void removeMember(String fleet, String member, Instant at) {
        jdbc.inTransaction("remove member " + fleet + "/" + member, c -> {
            DriftEventTable.resolve(c, fleet, member, at);
            MemberStateTable.delete(c, fleet, member);
            return null;
        });
    }

    public List<HistoryEntry> history(String fleet, String member) {
        return history.list(fleet, member);
    }

    public List<DriftEvent> driftEvents(String fleet, String member) {
        return drift.list(fleet, member);
    }

    // ---- fleets and shards

    /** Records a fleet's last sweep and the golden it compared against, so a restart can answer diffs at once. */
    public void saveFleetState(FleetRecord r) {
        sweeps.saveFleet(r);
    }

    public Optional<FleetRecord> fleetState(String fleet) {
        return sweeps.fleet(fleet);
    }

    /** Records the last sweep of one shard of a fleet (an unsharded fleet: shard 0 of 1). */
    public void saveShardState(ShardRecord r) {
        sweeps.saveShard(r);
    }

    /** The recorded shard sweeps of a fleet, by shard; rows of an earlier shard count included (see {@code shards}). */
    public List<ShardRecord> shardStates(String fleet) {
        return sweeps.shards(fleet);
    }

    // ---- retention

    /**
     * Deletes what is older than {@code retention} before {@code now}: history stretches that ended
     * before the cutoff (never a member's latest one), resolved drift events, and snapshots that
     * nothing kept references (not current, not in kept history, not pinned as a golden).
     * Returns the number of rows deleted.
     */
    public int applyRetention(Duration retention, Instant now, Collection<String> pinned) {
        int deleted = this.retention.apply(retention, now, pinned);
        compactH2();
        return deleted;
    }

    /**
     * Embedded H2 only: one step of compaction of the file ({@link H2Compaction}), after the
     * writes that call it (a sweep's members, retention). A failure is logged, not thrown: what
     * the caller wrote is committed, and a file that is not compacted this time only stays bigger.
     */
    private void compactH2() {
        if (postgres) {
            return;
        }
        try {
            jdbc.call("compact the H2 file", H2Compaction::step);
        } catch (RuntimeException e) {
            LOG.warn("store {}: H2 compaction failed (the file may grow until a later one succeeds): {}",
                    description, SqlErrors.oneLine(e));
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Store[" + description + "]";
    }
}
