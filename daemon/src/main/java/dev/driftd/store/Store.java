package dev.driftd.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.driftd.config.StoreConfig;
import dev.driftd.diff.Severity;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SnapshotArchive;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.Snapshot;
import dev.driftd.util.SqlErrors;
import dev.driftd.util.UrlRedaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's memory, over plain JDBC with one code path for embedded H2 and PostgreSQL:
 * snapshots stored once per fingerprint (a fleet of identical tenants stores one), each member's
 * history of fingerprints, drift events, and each member's current state, so a restart keeps
 * history, open drift and when it began.
 */
public final class Store implements SnapshotArchive, AutoCloseable {
    private final HikariDataSource pool;
    private final boolean postgres;
    private final String description;

    private Store(HikariDataSource pool, boolean postgres, String description) {
        this.pool = pool;
        this.postgres = postgres;
        this.description = description;
    }

    /** A pooled connection for features with their own tables (plans, audit); the caller closes it. */
    public Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    /** True for a PostgreSQL store, false for embedded H2 (column types differ). */
    public boolean isPostgres() {
        return postgres;
    }

    /** Opens the pool and creates or upgrades the tables. */
    public static Store open(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password().reveal());
        }
        if (config.url().startsWith("jdbc:h2:")) {
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
        String shown = UrlRedaction.redact(config.url());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store " + shown + ": " + SqlErrors.oneLine(e), e);
        }
        Store store = new Store(pool, config.isPostgres(), shown);
        try (Connection c = pool.getConnection()) {
            StoreSchema.migrate(c, store.postgres);
        } catch (SQLException e) {
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
        return call("read the schema version", StoreSchema::current);
    }

    // ---- snapshots

    /** Stores a snapshot unless one with its fingerprint is already there (also when another node races us). */
    public void saveSnapshot(Snapshot snapshot) {
        run("save a snapshot", c -> saveSnapshot(c, snapshot, Instant.now()));
    }

    private void saveSnapshot(Connection c, Snapshot snapshot, Instant now) throws SQLException {
        String fp = snapshot.fingerprint();
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM driftd_snapshot WHERE fingerprint = ?")) {
            q.setString(1, fp);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        String json;
        try {
            json = Canonical.MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialize snapshot " + fp + ": " + e.getOriginalMessage(), e);
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO driftd_snapshot (fingerprint, flavor, created, body) VALUES (?, ?, ?, ?)")) {
            ins.setString(1, fp);
            ins.setString(2, snapshot.getFlavor() == null ? null : snapshot.getFlavor().name());
            ins.setObject(3, ts(now));
            ins.setString(4, json);
            ins.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            // another node stored the same fingerprint between our check and insert: same content
        }
    }

    @Override
    public Optional<Snapshot> snapshot(String fingerprint) {
        return call("read snapshot " + fingerprint, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT body FROM driftd_snapshot WHERE fingerprint = ?")) {
                q.setString(1, fingerprint);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Snapshot>empty();
                    }
                    return Optional.of(parse(fingerprint, rs.getString(1)));
                }
            }
        });
    }

    /** Fingerprints of stored snapshots starting with {@code prefix} (at most 10), for pinning by a short prefix. */
    @Override
    public List<String> fingerprintsStartingWith(String prefix) {
        return call("look up snapshot " + prefix, c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT fingerprint FROM driftd_snapshot WHERE fingerprint LIKE ? ORDER BY fingerprint")) {
                q.setString(1, prefix.replaceAll("[^0-9a-f]", "") + "%");
                q.setMaxRows(10);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    private static Snapshot parse(String fingerprint, String json) throws SQLException {
        try {
            return Canonical.MAPPER.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored snapshot " + fingerprint + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    // ---- members

    /**
     * Records one member's outcome of a sweep in one transaction: its snapshot (when taken), its
     * history, its current state, and its drift event (opened at {@code status.driftSince()} when
     * it drifts, updated while it stays drifted, resolved when it is back in sync). An unreachable
     * or pending member leaves history and drift events as they were.
     */
    public void recordMember(MemberStatus status, Snapshot snapshot, String goldenFingerprint) {
        call("record member " + status.fleet() + "/" + status.member(), c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Instant now = status.lastSnapshot() != null && snapshot != null ? status.lastSnapshot() : Instant.now();
                if (snapshot != null) {
                    saveSnapshot(c, snapshot, now);
                    history(c, status.fleet(), status.member(), snapshot.fingerprint(), now);
                }
                upsertState(c, status);
                if (status.state() == MemberState.DRIFTED) {
                    openOrUpdateDrift(c, status, goldenFingerprint);
                } else if (status.state() == MemberState.IN_SYNC) {
                    resolveDrift(c, status.fleet(), status.member(), now);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    private void history(Connection c, String fleet, String member, String fp, Instant at) throws SQLException {
        Long id = null;
        String lastFp = null;
        try (PreparedStatement q = c.prepareStatement("SELECT id, fingerprint FROM driftd_member_history "
                + "WHERE fleet = ? AND member = ? ORDER BY last_seen DESC, id DESC")) {
            q.setString(1, fleet);
            q.setString(2, member);
            q.setMaxRows(1);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                    lastFp = rs.getString(2);
                }
            }
        }
        if (id != null && fp.equals(lastFp)) {
            try (PreparedStatement u = c.prepareStatement("UPDATE driftd_member_history SET last_seen = ? WHERE id = ?")) {
                u.setObject(1, ts(at));
                u.setLong(2, id);
                u.executeUpdate();
            }
        } else {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO driftd_member_history "
                    + "(fleet, member, fingerprint, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)")) {
                ins.setString(1, fleet);
                ins.setString(2, member);
                ins.setString(3, fp);
                ins.setObject(4, ts(at));
                ins.setObject(5, ts(at));
                ins.executeUpdate();
            }
        }
    }

    private void upsertState(Connection c, MemberStatus s) throws SQLException {
        String set = "state = ?, fingerprint = ?, last_snapshot = ?, drift_since = ?, breaking = ?, destructive = ?, "
                + "additive = ?, cosmetic = ?, error_reason = ?, error = ?, updated = ?";
        try (PreparedStatement u = c.prepareStatement("UPDATE driftd_member_state SET " + set
                + " WHERE fleet = ? AND member = ?")) {
            int i = bindState(u, s);
            u.setString(i++, s.fleet());
            u.setString(i, s.member());
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO driftd_member_state (state, fingerprint, "
                + "last_snapshot, drift_since, breaking, destructive, additive, cosmetic, error_reason, error, updated, "
                + "fleet, member) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = bindState(ins, s);
            ins.setString(i++, s.fleet());
            ins.setString(i, s.member());
            ins.executeUpdate();
        }
    }

    private static int bindState(PreparedStatement p, MemberStatus s) throws SQLException {
        int i = 1;
        p.setString(i++, s.state().name());
        p.setString(i++, s.fingerprint());
        p.setObject(i++, ts(s.lastSnapshot()));
        p.setObject(i++, ts(s.driftSince()));
        for (Severity sev : Severity.values()) {
            p.setInt(i++, s.changes().getOrDefault(sev, 0));
        }
        p.setString(i++, s.errorReason());
        p.setString(i++, s.error() == null ? null : truncate(s.error(), 1000));
        p.setObject(i++, ts(Instant.now()));
        return i;
    }

    private void openOrUpdateDrift(Connection c, MemberStatus s, String goldenFp) throws SQLException {
        String counts = "breaking = ?, destructive = ?, additive = ?, cosmetic = ?";
        try (PreparedStatement u = c.prepareStatement("UPDATE driftd_drift_event SET fingerprint = ?, "
                + "golden_fingerprint = ?, " + counts + " WHERE fleet = ? AND member = ? AND resolved IS NULL")) {
            int i = 1;
            u.setString(i++, s.fingerprint());
            u.setString(i++, goldenFp);
            for (Severity sev : Severity.values()) {
                u.setInt(i++, s.changes().getOrDefault(sev, 0));
            }
            u.setString(i++, s.fleet());
            u.setString(i, s.member());
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO driftd_drift_event (fleet, member, opened, "
                + "fingerprint, golden_fingerprint, breaking, destructive, additive, cosmetic) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ins.setString(i++, s.fleet());
            ins.setString(i++, s.member());
            ins.setObject(i++, ts(s.driftSince() != null ? s.driftSince() : Instant.now()));
            ins.setString(i++, s.fingerprint());
            ins.setString(i++, goldenFp);
            for (Severity sev : Severity.values()) {
                ins.setInt(i++, s.changes().getOrDefault(sev, 0));
            }
            ins.executeUpdate();
        }
    }

    private static void resolveDrift(Connection c, String fleet, String member, Instant at) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE driftd_drift_event SET resolved = ? "
                + "WHERE fleet = ? AND member = ? AND resolved IS NULL")) {
            u.setObject(1, ts(at));
            u.setString(2, fleet);
            u.setString(3, member);
            u.executeUpdate();
        }
    }

    /** Every member's last recorded state in a fleet (what a restarted daemon starts from). */
    public List<MemberStatus> memberStates(String fleet) {
        return call("read member states of " + fleet, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT member, state, fingerprint, last_snapshot, "
                    + "drift_since, breaking, destructive, additive, cosmetic, error_reason, error "
                    + "FROM driftd_member_state WHERE fleet = ? ORDER BY member")) {
                q.setString(1, fleet);
                List<MemberStatus> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<Severity, Integer> changes = new EnumMap<>(Severity.class);
                        int col = 6;
                        for (Severity sev : Severity.values()) {
                            changes.put(sev, rs.getInt(col++));
                        }
                        out.add(new MemberStatus(fleet, rs.getString(1), MemberState.valueOf(rs.getString(2)),
                                rs.getString(3), instant(rs, 4), instant(rs, 5), changes, rs.getString(10),
                                rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }

    /** A member left its fleet: its current state goes, its open drift is resolved; history stays for retention. */
    public void removeMember(String fleet, String member, Instant at) {
        call("remove member " + fleet + "/" + member, c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                resolveDrift(c, fleet, member, at);
                try (PreparedStatement d = c.prepareStatement(
                        "DELETE FROM driftd_member_state WHERE fleet = ? AND member = ?")) {
                    d.setString(1, fleet);
                    d.setString(2, member);
                    d.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    /** Records a fleet's last sweep and the golden it compared against, so a restart can answer diffs at once. */
    public void saveFleetState(FleetRecord r) {
        call("record fleet " + r.fleet(), c -> {
            String set = "golden_fingerprint = ?, golden_error = ?, last_sweep_started = ?, last_sweep_finished = ?, updated = ?";
            try (PreparedStatement u = c.prepareStatement("UPDATE driftd_fleet_state SET " + set + " WHERE fleet = ?")) {
                bindFleet(u, r);
                if (u.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO driftd_fleet_state (golden_fingerprint, "
                    + "golden_error, last_sweep_started, last_sweep_finished, updated, fleet) VALUES (?, ?, ?, ?, ?, ?)")) {
                bindFleet(ins, r);
                ins.executeUpdate();
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    private static void bindFleet(PreparedStatement p, FleetRecord r) throws SQLException {
        p.setString(1, r.goldenFingerprint());
        p.setString(2, r.goldenError() == null ? null : truncate(r.goldenError(), 1000));
        p.setObject(3, ts(r.lastSweepStarted()));
        p.setObject(4, ts(r.lastSweepFinished()));
        p.setObject(5, ts(Instant.now()));
        p.setString(6, r.fleet());
    }

    public Optional<FleetRecord> fleetState(String fleet) {
        return call("read fleet " + fleet, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT golden_fingerprint, golden_error, last_sweep_started, "
                    + "last_sweep_finished FROM driftd_fleet_state WHERE fleet = ?")) {
                q.setString(1, fleet);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<FleetRecord>empty();
                    }
                    return Optional.of(new FleetRecord(fleet, rs.getString(1), rs.getString(2), instant(rs, 3),
                            instant(rs, 4)));
                }
            }
        });
    }

    /** Records the last sweep of one shard of a fleet (an unsharded fleet: shard 0 of 1). */
    public void saveShardState(ShardRecord r) {
        call("record shard " + r.shard() + " of fleet " + r.fleet(), c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE driftd_shard_state SET shards = ?, "
                    + "golden_fingerprint = ?, golden_error = ?, last_sweep_started = ?, last_sweep_finished = ?, "
                    + "updated = ? WHERE fleet = ? AND shard = ?")) {
                bindShard(u, r);
                if (u.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO driftd_shard_state (shards, golden_fingerprint, "
                    + "golden_error, last_sweep_started, last_sweep_finished, updated, fleet, shard) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindShard(ins, r);
                ins.executeUpdate();
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    private static void bindShard(PreparedStatement p, ShardRecord r) throws SQLException {
        p.setInt(1, r.shards());
        p.setString(2, r.goldenFingerprint());
        p.setString(3, r.goldenError() == null ? null : truncate(r.goldenError(), 1000));
        p.setObject(4, ts(r.lastSweepStarted()));
        p.setObject(5, ts(r.lastSweepFinished()));
        p.setObject(6, ts(Instant.now()));
        p.setString(7, r.fleet());
        p.setInt(8, r.shard());
    }

    /** The recorded shard sweeps of a fleet, by shard; rows of an earlier shard count included (see {@code shards}). */
    public List<ShardRecord> shardStates(String fleet) {
        return call("read the shards of fleet " + fleet, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT shard, shards, golden_fingerprint, golden_error, "
                    + "last_sweep_started, last_sweep_finished FROM driftd_shard_state WHERE fleet = ? ORDER BY shard")) {
                q.setString(1, fleet);
                List<ShardRecord> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ShardRecord(fleet, rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                instant(rs, 5), instant(rs, 6)));
                    }
                }
                return out;
            }
        });
    }

    public List<HistoryEntry> history(String fleet, String member) {
        return call("read history of " + fleet + "/" + member, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT fingerprint, first_seen, last_seen "
                    + "FROM driftd_member_history WHERE fleet = ? AND member = ? ORDER BY first_seen, id")) {
                q.setString(1, fleet);
                q.setString(2, member);
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(fleet, member, rs.getString(1), instant(rs, 2), instant(rs, 3)));
                    }
                }
                return out;
            }
        });
    }

    public List<DriftEvent> driftEvents(String fleet, String member) {
        return call("read drift events of " + fleet + "/" + member, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, opened, resolved, fingerprint, golden_fingerprint, "
                    + "breaking, destructive, additive, cosmetic FROM driftd_drift_event "
                    + "WHERE fleet = ? AND member = ? ORDER BY opened, id")) {
                q.setString(1, fleet);
                q.setString(2, member);
                List<DriftEvent> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<Severity, Integer> changes = new EnumMap<>(Severity.class);
                        int col = 6;
                        for (Severity sev : Severity.values()) {
                            changes.put(sev, rs.getInt(col++));
                        }
                        out.add(new DriftEvent(rs.getLong(1), fleet, member, instant(rs, 2), instant(rs, 3),
                                rs.getString(4), rs.getString(5), changes));
                    }
                }
                return out;
            }
        });
    }

    // ---- retention

    /**
     * Deletes what is older than {@code retention} before {@code now}: history stretches that ended
     * before the cutoff (never a member's latest one), resolved drift events, and snapshots that
     * nothing kept references (not current, not in kept history, not pinned as a golden).
     * Returns the number of rows deleted.
     */
    public int applyRetention(Duration retention, Instant now, Collection<String> pinned) {
        Instant cutoff = now.minus(retention);
        return call("apply retention", c -> {
            int deleted = 0;
            try (PreparedStatement d = c.prepareStatement("DELETE FROM driftd_member_history h WHERE h.last_seen < ? "
                    + "AND EXISTS (SELECT 1 FROM driftd_member_history n WHERE n.fleet = h.fleet AND n.member = h.member "
                    + "AND n.last_seen > h.last_seen)")) {
                d.setObject(1, ts(cutoff));
                deleted += d.executeUpdate();
            }
            try (PreparedStatement d = c.prepareStatement(
                    "DELETE FROM driftd_drift_event WHERE resolved IS NOT NULL AND resolved < ?")) {
                d.setObject(1, ts(cutoff));
                deleted += d.executeUpdate();
            }
            StringBuilder keep = new StringBuilder();
            for (int i = 0; i < pinned.size(); i++) {
                keep.append(", ?");
            }
            try (PreparedStatement d = c.prepareStatement("DELETE FROM driftd_snapshot s WHERE s.created < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM driftd_member_history h WHERE h.fingerprint = s.fingerprint) "
                    + "AND NOT EXISTS (SELECT 1 FROM driftd_member_state m WHERE m.fingerprint = s.fingerprint) "
                    + "AND NOT EXISTS (SELECT 1 FROM driftd_drift_event e WHERE e.golden_fingerprint = s.fingerprint "
                    + "AND e.resolved IS NULL) "
                    + "AND s.fingerprint NOT IN (''" + keep + ")")) {
                int i = 1;
                d.setObject(i++, ts(cutoff));
                for (String p : pinned) {
                    d.setString(i++, p);
                }
                deleted += d.executeUpdate();
            }
            return deleted;
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Store[" + description + "]";
    }

    // ---- plumbing

    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private interface VoidWork {
        void apply(Connection c) throws SQLException;
    }

    /** Package-private for the store's other tables (DdlLog). */
    <T> T call(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("store " + description + ": cannot " + what + ": " + SqlErrors.oneLine(e), e);
        }
    }

    private void run(String what, VoidWork work) {
        call(what, c -> {
            work.apply(c);
            return null;
        });
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static boolean isDuplicate(SQLException e) {
        // 23505: unique violation (PostgreSQL and H2)
        return "23505".equals(e.getSQLState());
    }

    /**
     * An error text as stored: masked (a row must never hold a password, even one a driver echoed
     * in a message not made by {@link SqlErrors}) and cut to the column's length.
     */
    private static String truncate(String s, int max) {
        String masked = SqlErrors.masked(s);
        return masked.length() <= max ? masked : masked.substring(0, max - 1) + "…";
    }

}
