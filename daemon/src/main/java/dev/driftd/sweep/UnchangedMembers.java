package dev.driftd.sweep;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.fleet.FleetMember;
import dev.driftd.schema.Snapshot;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each member's last full read and its catalog marker, so a sweep can skip reading a member whose
 * catalogs have not changed. Keyed by the member's database and schema as well as its name: a
 * member whose URL changed in the config is read afresh. Entries older than the fleet's
 * {@code full_snapshot_every} are not offered, so every member is still read in full that often.
 */
final class UnchangedMembers {
    record Entry(String marker, Snapshot snapshot, Instant readAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The last read of the member if it may be reused at {@code now}, else null. */
    Entry get(FleetConfig fleet, FleetMember m, Instant now) {
        Entry e = entries.get(key(fleet.name(), m));
        if (e == null || !now.isBefore(e.readAt().plus(fleet.fullSnapshotEvery()))) {
            return null;
        }
        return e;
    }

    void remember(FleetConfig fleet, FleetMember m, MarkedSnapshot read, Instant at) {
        String key = key(fleet.name(), m);
        if (read.marker() == null || fleet.fullSnapshotEvery().isZero()) {
            entries.remove(key);
        } else {
            entries.put(key, new Entry(read.marker(), read.snapshot(), at));
        }
    }

    /** The member left the fleet. */
    void forget(String fleet, String member) {
        String prefix = fleet + '\u0000' + member + '\u0000';
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private static String key(String fleet, FleetMember m) {
        return fleet + '\u0000' + m.name() + '\u0000' + m.target().url() + '\u0000' + m.target().schema();
    }
}
