package dev.driftd.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.store.Jdbc;
import dev.driftd.store.Store;
import dev.driftd.waiver.WaivedChange;
import dev.driftd.waiver.Waiver;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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

    private final Jdbc jdbc;

    WaiverStore(Store store) {
        this.jdbc = store.jdbc();
    }

    void insert(Waiver w) {
        jdbc.call("save waiver " + w.id(), c -> insertRow(c, w.id(), w, w.source(), null));
    }

    /** One row of driftd_waiver: {@code w} under {@code id} and {@code source}, expired at {@code expiredAt} (or not). */
    private static int insertRow(Connection c, String id, Waiver w, String source, Instant expiredAt)
            throws SQLException {
        return Jdbc.update(c, "INSERT INTO driftd_waiver (id, fleet, member, source, owner, reason, created_by, "
                        + "created_at, expires_at, changes, expired_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                id, w.fleet(), w.member(), source, w.owner(), w.reason(), w.createdBy(), w.created(), w.expires(),
                json(w.changes()), expiredAt);
    }

    /** The API's waivers not removed, expired ones included, oldest first. */
    List<Waiver> current() {
        return jdbc.call("read the waivers", c -> Jdbc.query(c, "SELECT id, fleet, member, owner, reason, created_by, "
                        + "created_at, expires_at, changes FROM driftd_waiver WHERE source = ? AND removed_at IS NULL "
                        + "ORDER BY created_at, id",
                rs -> new Waiver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Jdbc.instant(rs, 7), Jdbc.instant(rs, 8), changes(rs.getString(9)), Waiver.API),
                Waiver.API));
    }

    /**
     * Claims the audit of an API waiver's expiry: true for the one caller (on any node) that marks it,
     * false when it was marked already or removed.
     */
    boolean markExpired(String id, Instant now) {
        return jdbc.call("mark waiver " + id + " expired", c -> Jdbc.update(c, "UPDATE driftd_waiver SET expired_at = ? "
                + "WHERE id = ? AND expired_at IS NULL AND removed_at IS NULL", now, id) == 1);
    }

    /**
     * Claims the audit of a configured waiver's expiry (the configuration is not in the store, so a
     * row keyed by fleet, id and expiry records that it was written): true for the one caller that
     * inserts it.
     */
    boolean markConfigExpired(Waiver w, Instant now) {
        String key = "config:" + w.fleet() + ":" + w.id() + "@" + w.expires().toEpochMilli();
        return jdbc.call("mark waiver " + w.id() + " expired", c -> {
            if (Jdbc.queryFirst(c, "SELECT 1 FROM driftd_waiver WHERE id = ?", rs -> true, key).isPresent()) {
                return false;
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
        return jdbc.call("remove waiver " + id, c -> Jdbc.update(c, "UPDATE driftd_waiver SET removed_at = ?, "
                        + "removed_by = ? WHERE id = ? AND fleet = ? AND source = ? AND removed_at IS NULL",
                now, by, id, fleet, Waiver.API) == 1);
    }

    /** Deletes waivers (and expiry marks) that expired or were removed before {@code cutoff}; the audit log keeps them. */
    int deleteOlderThan(Instant cutoff) {
        return jdbc.call("delete old waivers", c -> Jdbc.update(c,
                "DELETE FROM driftd_waiver WHERE expires_at < ? OR removed_at < ?", cutoff, cutoff));
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
}
