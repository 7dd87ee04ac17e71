package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.SnapshotText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every comment the server holds on a user object in a snapshot's scope is in the snapshot, or the
 * snapshot says it did not inspect that object's kind: a comment the inspector never reads is drift
 * that reads as "in sync" (comments on a domain's checks were, until the model held them). The
 * server names each commented object ({@code pg_identify_object}), so this needs no list of the
 * kinds driftd reads, and a kind added to PostgreSQL or missed by the inspector fails here.
 *
 * <p>One kind of comment is known not to be read, and is returned rather than failed (the model
 * has no place for it yet): on an identity column's sequence.
 */
public final class PgCommentCoverage {
    /** {@code pg_identify_object} types of the kinds the model does not compare, by the kind a snapshot names. */
    private static final Map<String, ObjectKind> UNMODELLED = Map.ofEntries(
            Map.entry("operator", ObjectKind.OPERATOR),
            Map.entry("operator class", ObjectKind.OPERATOR_CLASS),
            Map.entry("operator family", ObjectKind.OPERATOR_FAMILY),
            Map.entry("cast", ObjectKind.CAST),
            Map.entry("conversion", ObjectKind.CONVERSION),
            Map.entry("text search parser", ObjectKind.TEXT_SEARCH_PARSER),
            Map.entry("text search template", ObjectKind.TEXT_SEARCH_TEMPLATE),
            Map.entry("statistics object", ObjectKind.EXTENDED_STATISTICS),
            Map.entry("foreign table", ObjectKind.FOREIGN_TABLE),
            Map.entry("foreign table column", ObjectKind.FOREIGN_TABLE),
            Map.entry("foreign-data wrapper", ObjectKind.FOREIGN_DATA_WRAPPER),
            Map.entry("server", ObjectKind.FOREIGN_SERVER),
            Map.entry("event trigger", ObjectKind.EVENT_TRIGGER),
            Map.entry("publication", ObjectKind.PUBLICATION),
            Map.entry("language", ObjectKind.LANGUAGE),
            Map.entry("transform", ObjectKind.TRANSFORM),
            Map.entry("access method", ObjectKind.ACCESS_METHOD));

    /**
     * User objects (OID from 16384, not an extension's) of the scope's schemas, and in a database
     * scope the schemas themselves and the objects of no schema (a single-schema scope compares
     * what a tenant's schema holds, not the schema's own comment, which tenants may each have); the type decides whether a type's comment may be unread
     * (range and base types are not compared).
     */
    private static final String COMMENTS = "SELECT d.description, o.type, o.identity, t.typtype, "
            + "CASE WHEN d.classoid <> 'pg_catalog.pg_class'::pg_catalog.regclass OR d.objsubid <> 0 THEN NULL "
            + "WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = d.classoid AND i.objid = d.objoid "
            + "AND i.deptype = 'i') THEN 'the sequence of an identity column' END AS known_gap "
            + "FROM pg_catalog.pg_description d CROSS JOIN LATERAL pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o "
            // triggers, policies and rules are named with their table, not a schema: theirs is the table's
            + "CROSS JOIN LATERAL (SELECT COALESCE(o.schema, (SELECT n.nspname FROM pg_catalog.pg_class c "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = CASE d.classoid "
            + "WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN (SELECT g.tgrelid FROM pg_catalog.pg_trigger g WHERE g.oid = d.objoid) "
            + "WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN (SELECT p.polrelid FROM pg_catalog.pg_policy p WHERE p.oid = d.objoid) "
            + "WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN (SELECT r.ev_class FROM pg_catalog.pg_rewrite r WHERE r.oid = d.objoid) "
            + "END)) AS schema) s "
            + "LEFT JOIN pg_catalog.pg_type t ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.objoid "
            + "WHERE d.objoid >= 16384 AND o.type <> 'large object' "
            + "AND (s.schema = ANY (?) OR (o.type = 'schema' AND o.identity = ANY (?) AND NOT ?) OR (s.schema IS NULL AND o.type <> 'schema' AND NOT ?)) "
            + "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid "
            + "AND e.deptype = 'e') ORDER BY o.type, o.identity";

    private PgCommentCoverage() {
    }

    /** How many comments a scope holds, and those of the known unread kinds ("kind identity: text"). */
    public record Coverage(int comments, List<String> knownUnread) {
    }

    /**
     * Fails, naming each object, unless every comment in {@code snapshot}'s scope of {@code target}
     * is in it or of a known unread kind.
     */
    public static Coverage assertEveryCommentRead(DbTarget target, Snapshot snapshot) {
        String json = SnapshotText.json(snapshot);
        List<String> unread = new ArrayList<>();
        List<String> known = new ArrayList<>();
        int found = 0;
        String[] schemas = snapshot.getScope().schemas().toArray(String[]::new);
        try (Connection c = PostgresConnections.open(target, InspectOptions.DEFAULT, true);
             PreparedStatement ps = c.prepareStatement(COMMENTS)) {
            ps.setArray(1, c.createArrayOf("text", schemas));
            ps.setArray(2, c.createArrayOf("text", schemas));
            ps.setBoolean(3, target.schema() != null);
            ps.setBoolean(4, target.schema() != null);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found++;
                    String type = rs.getString("type");
                    if (notCompared(type, rs.getString("typtype"), snapshot)) {
                        continue;
                    }
                    if (!json.contains(SnapshotText.quoted(rs.getString("description")))) {
                        String named = type + " " + rs.getString("identity") + ": " + rs.getString("description");
                        (rs.getString("known_gap") == null ? unread : known).add(named);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the comments of " + target + ": " + e.getMessage(), e);
        }
        assertThat(unread).as("comments in %s that its snapshot does not hold", target).isEmpty();
        return new Coverage(found, known);
    }

    /** Whether the snapshot says it did not compare objects of this type. */
    private static boolean notCompared(String type, String typtype, Snapshot snapshot) {
        ObjectKind kind = UNMODELLED.get(type);
        if (kind == null && "type".equals(type) && typtype != null) {
            kind = "r".equals(typtype) || "m".equals(typtype) ? ObjectKind.RANGE_TYPE
                    : "b".equals(typtype) || "p".equals(typtype) ? ObjectKind.BASE_TYPE : null;
        }
        return kind != null && snapshot.getNotInspected().contains(kind);
    }
}
