package dev.driftd.sweep;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.SchemaMarkers;
import dev.driftd.engine.Engine;
import dev.driftd.fleet.FleetMember;
import dev.driftd.util.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schema-per-tenant members grouped by the database they live in, so a sweep reads every
 * tenant's catalog marker with one query per database ({@link Engine#schemaMarkers}) instead of
 * one connection per tenant. Keeps each database's last answer, which lets an unchanged database
 * cost only its database-wide marker.
 */
final class SchemaMarkerGroups {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMarkerGroups.class);

    /** One database as the members reach it: same URL and login. */
    private record Database(String fleet, String url, String user, String password) {
        DbTarget target() {
            return new DbTarget(url, user, password, null);
        }

        @Override
        public String toString() {
            return target().toString();
        }
    }

    private final Engine engine;
    private final Map<Database, SchemaMarkers> last = new ConcurrentHashMap<>();

    SchemaMarkerGroups(Engine engine) {
        this.engine = engine;
    }

    /**
     * The current marker of each member that is a schema, by member name; members of a database
     * whose markers cannot be read (or whose dialect has none) are left out and read as before.
     */
    Map<String, String> markers(FleetConfig fleet, List<FleetMember> members, InspectOptions options) {
        Map<Database, List<FleetMember>> groups = new LinkedHashMap<>();
        for (FleetMember m : members) {
            DbTarget t = m.target();
            if (t.schema() != null) {
                groups.computeIfAbsent(new Database(fleet.name(), t.url(), t.user(), t.password()),
                        k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<Database, List<FleetMember>> g : groups.entrySet()) {
            Database db = g.getKey();
            SchemaMarkers markers;
            try {
                markers = engine.schemaMarkers(db.target(), options, last.get(db)).orElse(null);
            } catch (RuntimeException e) {
                last.remove(db);
                LOG.warn("fleet {}: cannot read the schema markers of {} ({} members read one by one): {}",
                        fleet.name(), db.target().redactedUrl(), g.getValue().size(), SqlErrors.oneLine(e));
                continue;
            }
            if (markers == null) {
                continue;
            }
            last.put(db, markers);
            for (FleetMember m : g.getValue()) {
                String marker = markers.of(m.target().schema());
                if (marker != null) {
                    out.put(m.name(), marker);
                }
            }
        }
        // databases no member of this fleet is in any more are forgotten
        last.keySet().removeIf(db -> Objects.equals(db.fleet(), fleet.name()) && !groups.containsKey(db));
        return out;
    }
}
