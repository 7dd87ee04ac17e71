package dev.driftd.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.store.Store;
import dev.driftd.store.StoreException;
import dev.driftd.util.SqlErrors;
import dev.driftd.waiver.WaivedChange;
import dev.driftd.waiver.Waiver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's waivers in the store's {@code driftd_waiver} table, shared by every node of a cluster:
 * written once, marked expired once (by whichever node gets there first) and marked removed, never
 * deleted, so the audit log's ids keep pointing at something.
 */
final class WaiverStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<WaivedChange>> CHANGES = new TypeReference<>() {
    };

    private final Store store;

    WaiverStore(Store store) {
        this.store = store;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T exec(String what, Work<T> w) {
        try (Connection c = store.borrow()) {
            return w.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + SqlErrors.oneLine(e), e);
        }
    }

    void insert(Waiver w) {
        exec("save waiver " + w.id(), c -> insertRow(c, w.id(), w, w.source(), null));
    }

    /** One row of driftd_waiver: {@code w} under {@code id} and {@code source}, expired at {@code expiredAt} (or not). */
    private int insertRow(Connection c, String id, Waiver w, String source, Instant expiredAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO driftd_waiver (id, fleet, member, source, owner, "
                + "reason, created_by, created_at, expires_at, changes, expired_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, w.fleet());
            ps.setString(3, w.member());
            ps.setString(4, source);
            ps.setString(5, w.owner());
            ps.setString(6, w.reason());
            ps.setString(7, w.createdBy());
            ps.setObject(8, at(w.created()));
            ps.setObject(9, at(w.expires()));
            ps.setString(10, json(w.changes()));
            ps.setObject(11, expiredAt == null ? null : at(expiredAt));
            return ps.executeUpdate();
        }
    }

    /** The API's waivers not removed, expired ones included, oldest first. */
    List<Waiver> current() {
        return exec("read the waivers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, fleet, member, owner, reason, created_by, created_at, "
                    + "expires_at, changes FROM driftd_waiver WHERE source = ? AND removed_at IS NULL "
                    + "ORDER BY created_at, id")) {
                ps.setString(1, Waiver.API);
                List<Waiver> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Waiver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8),
                                changes(rs.getString(9)), Waiver.API));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Claims the audit of an API waiver's expiry: true for the one caller (on any node) that marks it,
     * false when it was marked already or removed.
     */
    boolean markExpired(String id, Instant now) {
        return exec("mark waiver " + id + " expired", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_waiver SET expired_at = ? "
                    + "WHERE id = ? AND expired_at IS NULL AND removed_at IS NULL")) {
                ps.setObject(1, at(now));
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Claims the audit of a configured waiver's expiry (the configuration is not in the store, so a
     * row keyed by fleet, id and expiry records that it was written): true for the one caller that
     * inserts it.
     */
    boolean markConfigExpired(Waiver w, Instant now) {
        String key = "config:" + w.fleet() + ":" + w.id() + "@" + w.expires().toEpochMilli();
        return exec("mark waiver " + w.id() + " expired", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM driftd_waiver WHERE id = ?")) {
                q.setString(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try {
                return insertRow(c, key, w, Waiver.CONFIG, now) == 1;
            } catch (SQLException raced) {
                // another node inserted the same key between our check and insert: it writes the entry
                return false;
            }
        });
    }

    /** Marks an API waiver removed; false when there is none with that id in the fleet (or it was removed). */
    boolean remove(String fleet, String id, String by, Instant now) {
        return exec("remove waiver " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE driftd_waiver SET removed_at = ?, removed_by = ? "
                    + "WHERE id = ? AND fleet = ? AND source = ? AND removed_at IS NULL")) {
                ps.setObject(1, at(now));
                ps.setString(2, by);
                ps.setString(3, id);
                ps.setString(4, fleet);
                ps.setString(5, Waiver.API);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes waivers (and expiry marks) that expired or were removed before {@code cutoff}; the audit log keeps them. */
    int deleteOlderThan(Instant cutoff) {
        return exec("delete old waivers", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM driftd_waiver WHERE expires_at < ? "
                    + "OR removed_at < ?")) {
                ps.setObject(1, at(cutoff));
                ps.setObject(2, at(cutoff));
                return ps.executeUpdate();
            }
        });
    }

    static String json(List<WaivedChange> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<WaivedChange> changes(String json) throws SQLException {
        try {
            return JSON.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored waiver's changes do not read: " + e.getOriginalMessage());
        }
    }

    private static OffsetDateTime at(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
