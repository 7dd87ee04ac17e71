package dev.driftd.dialect.postgres;

import dev.driftd.schema.ObjectKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the user objects of kinds the model does not compare, so a snapshot lists them in
 * {@code notInspected} and a diff never calls them "in sync". User objects are those with an OID
 * from 16384 that no extension owns. Objects of a schema count when the schema is in scope;
 * objects of the whole database (casts, foreign data wrappers and servers, user mappings, event
 * triggers, publications, languages, transforms, access methods) only in a database scope, since
 * a single-schema scope does not hold them.
 */
final class PgUnmodelled {
    private PgUnmodelled() {
    }

    private record Probe(ObjectKind kind, String catalog, String from, boolean database) {
    }

    /** Per kind: the catalog its rows live in and the FROM/WHERE that selects user objects as {@code o}. */
    private static final List<Probe> PROBES = List.of(
            schemaProbe(ObjectKind.TEXT_SEARCH_PARSER, "pg_ts_parser", ""),
            schemaProbe(ObjectKind.TEXT_SEARCH_TEMPLATE, "pg_ts_template", ""),
            schemaProbe(ObjectKind.OPERATOR, "pg_operator", ""),
            schemaProbe(ObjectKind.OPERATOR_CLASS, "pg_opclass", ""),
            schemaProbe(ObjectKind.OPERATOR_FAMILY, "pg_opfamily", ""),
            schemaProbe(ObjectKind.CONVERSION, "pg_conversion", ""),
            schemaProbe(ObjectKind.RANGE_TYPE, "pg_type", "o.typtype = 'r' AND "),
            schemaProbe(ObjectKind.BASE_TYPE, "pg_type", "o.typtype IN ('b', 'p') "
                    + "AND o.typcategory <> 'A' AND o.typrelid = 0 AND "),
            schemaProbe(ObjectKind.EXTENDED_STATISTICS, "pg_statistic_ext", ""),
            schemaProbe(ObjectKind.FOREIGN_TABLE, "pg_class", "o.relkind = 'f' AND "),
            new Probe(ObjectKind.DEFAULT_PRIVILEGE, "pg_default_acl", "pg_catalog.pg_default_acl o "
                    + "WHERE ((o.defaclnamespace = 0 AND NOT ?::boolean) OR o.defaclnamespace = ANY (?::oid[]))", false),
            databaseProbe(ObjectKind.CAST, "pg_cast"),
            databaseProbe(ObjectKind.FOREIGN_DATA_WRAPPER, "pg_foreign_data_wrapper"),
            databaseProbe(ObjectKind.FOREIGN_SERVER, "pg_foreign_server"),
            // pg_user_mapping itself is readable by superusers only; the view is readable by all
            new Probe(ObjectKind.USER_MAPPING, "pg_user_mapping",
                    "(SELECT umid AS oid FROM pg_catalog.pg_user_mappings) o WHERE NOT ?::boolean", true),
            databaseProbe(ObjectKind.EVENT_TRIGGER, "pg_event_trigger"),
            databaseProbe(ObjectKind.PUBLICATION, "pg_publication"),
            databaseProbe(ObjectKind.LANGUAGE, "pg_language"),
            databaseProbe(ObjectKind.TRANSFORM, "pg_transform"),
            databaseProbe(ObjectKind.ACCESS_METHOD, "pg_am"));

    /** A kind whose rows {@code o} of {@code catalog} that meet {@code condition} (ending in AND, or empty) and lie in the scope. */
    private static Probe schemaProbe(ObjectKind kind, String catalog, String condition) {
        return new Probe(kind, catalog, "pg_catalog." + catalog + " o WHERE " + condition + "{" + catalog + " o}", false);
    }

    private static Probe databaseProbe(ObjectKind kind, String catalog) {
        return new Probe(kind, catalog, "pg_catalog." + catalog + " o WHERE NOT ?::boolean", true);
    }

    /**
     * One row per kind present: {@code kind} (an {@link ObjectKind} name). Parameters, in order:
     * see {@link #parameters}.
     */
    static final String SQL = sql();

    private static String sql() {
        List<String> parts = new ArrayList<>();
        for (Probe p : PROBES) {
            parts.add("SELECT '" + p.kind().name() + "' AS kind WHERE EXISTS (SELECT 1 FROM " + p.from()
                    + " AND o.oid >= 16384 AND " + PgCatalog.notExtensionMember(p.catalog(), "o.oid") + ")");
        }
        return String.join(" UNION ALL ", parts);
    }

    /**
     * The values of {@link #SQL}'s plain placeholders (its scope tokens bind themselves, see
     * {@link PgScopeFilter}): whether the scope is one schema, and the scope's schema OIDs.
     */
    static Object[] parameters(boolean single, String scopeOids) {
        List<Object> out = new ArrayList<>();
        for (Probe p : PROBES) {
            if (p.kind() == ObjectKind.DEFAULT_PRIVILEGE) {
                out.add(single);
                out.add(scopeOids);
            } else if (p.database()) {
                out.add(single);
            }
        }
        return out.toArray();
    }
}
