package dev.driftd.dialect.postgres;

import dev.driftd.schema.Dependency;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The server's dependency graph between top-level objects, read from {@code pg_depend} in one
 * query. Each end of a normal ({@code deptype = 'n'}) edge is resolved to the object a snapshot
 * holds: a rule ({@code pg_rewrite}) to its view, a default, constraint, index, trigger or policy to
 * its table (or a domain's constraint to the domain), a table's row type and an array type to the
 * table or element type. So a function returning {@code SETOF t} depends on table {@code t}, a
 * view over it on the function, a domain whose check calls a function on that function, a table
 * whose default or check calls a function on the function; collations, text search dictionaries
 * and configurations and aggregates are ends of their own. Automatic and internal edges (a
 * sequence owned by a column, an identity's sequence) are left out: they are ownership, not
 * creation order, and would form cycles with the defaults that use those sequences.
 *
 * <p>Foreign keys are left out too: traced to their table they would make a table "need" the
 * table it references, yet the planner adds every foreign key after all tables exist and drops
 * those that block a table drop first, so such an edge only orders statements that need no
 * order, and two tables that reference each other (hive's WM_POOL and WM_RESOURCEPLAN) turn it
 * into a cycle. The same holds for the internal triggers that enforce a foreign key, which the
 * server records as needing the table at the key's other end.
 */
final class PgDependencies {
    private PgDependencies() {
    }

    /** Resolves one dependency end {@code (cls, obj)} of {@code ends} to a top-level {@code (cat, oid)}. */
    private static final String RESOLVE =
            "SELECT e.cls, e.obj, CASE WHEN c.relkind = 'c' THEN 't' ELSE 'c' END AS cat, "
                    + "CASE WHEN c.relkind IN ('i', 'I') THEN i.indrelid WHEN c.relkind = 'c' THEN c.reltype ELSE c.oid END AS oid "
                    + "FROM ends e JOIN pg_catalog.pg_class c ON e.cls = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = e.obj "
                    + "LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid "
                    + "UNION ALL SELECT e.cls, e.obj, 'c', w.ev_class FROM ends e JOIN pg_catalog.pg_rewrite w "
                    + "ON e.cls = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND w.oid = e.obj "
                    + "UNION ALL SELECT e.cls, e.obj, 'c', a.adrelid FROM ends e JOIN pg_catalog.pg_attrdef a "
                    + "ON e.cls = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND a.oid = e.obj "
                    + "UNION ALL SELECT e.cls, e.obj, CASE WHEN k.conrelid <> 0 THEN 'c' ELSE 't' END, "
                    + "CASE WHEN k.conrelid <> 0 THEN k.conrelid ELSE k.contypid END FROM ends e JOIN pg_catalog.pg_constraint k "
                    + "ON e.cls = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND k.oid = e.obj AND k.contype <> 'f' "
                    + "UNION ALL SELECT e.cls, e.obj, 'c', g.tgrelid FROM ends e JOIN pg_catalog.pg_trigger g "
                    + "ON e.cls = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND g.oid = e.obj AND NOT g.tgisinternal "
                    + "UNION ALL SELECT e.cls, e.obj, 'c', p.polrelid FROM ends e JOIN pg_catalog.pg_policy p "
                    + "ON e.cls = 'pg_catalog.pg_policy'::pg_catalog.regclass AND p.oid = e.obj "
                    + "UNION ALL SELECT e.cls, e.obj, CASE WHEN b.typrelid <> 0 AND bc.relkind <> 'c' THEN 'c' ELSE 't' END, "
                    + "CASE WHEN b.typrelid <> 0 AND bc.relkind <> 'c' THEN b.typrelid ELSE b.oid END "
                    + "FROM ends e JOIN pg_catalog.pg_type t ON e.cls = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = e.obj "
                    + "JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END "
                    + "LEFT JOIN pg_catalog.pg_class bc ON bc.oid = b.typrelid "
                    + "UNION ALL SELECT e.cls, e.obj, 'f', e.obj FROM ends e WHERE e.cls = 'pg_catalog.pg_proc'::pg_catalog.regclass "
                    + "UNION ALL SELECT e.cls, e.obj, 'l', e.obj FROM ends e WHERE e.cls = 'pg_catalog.pg_collation'::pg_catalog.regclass "
                    + "UNION ALL SELECT e.cls, e.obj, 'd', e.obj FROM ends e WHERE e.cls = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass "
                    + "UNION ALL SELECT e.cls, e.obj, 'y', e.obj FROM ends e WHERE e.cls = 'pg_catalog.pg_ts_config'::pg_catalog.regclass";

    /** The resolved object's schema, name and kind, for in-scope objects only. */
    private static final String DESCRIBE =
            "SELECT r.cat, r.oid, c.relnamespace AS ns, c.relname AS name, c.relkind::text AS kind, NULL::text AS args "
                    + "FROM r JOIN pg_catalog.pg_class c ON r.cat = 'c' AND c.oid = r.oid "
                    + "UNION SELECT r.cat, r.oid, t.typnamespace, t.typname, t.typtype::text, NULL FROM r "
                    + "JOIN pg_catalog.pg_type t ON r.cat = 't' AND t.oid = r.oid "
                    + "UNION SELECT r.cat, r.oid, p.pronamespace, p.proname, p.prokind::text, "
                    + "pg_catalog.pg_get_function_identity_arguments(p.oid) FROM r "
                    + "JOIN pg_catalog.pg_proc p ON r.cat = 'f' AND p.oid = r.oid "
                    + "UNION SELECT r.cat, r.oid, l.collnamespace, l.collname, 'collation', NULL FROM r "
                    + "JOIN pg_catalog.pg_collation l ON r.cat = 'l' AND l.oid = r.oid "
                    + "UNION SELECT r.cat, r.oid, x.dictnamespace, x.dictname, 'dictionary', NULL FROM r "
                    + "JOIN pg_catalog.pg_ts_dict x ON r.cat = 'd' AND x.oid = r.oid "
                    + "UNION SELECT r.cat, r.oid, y.cfgnamespace, y.cfgname, 'configuration', NULL FROM r "
                    + "JOIN pg_catalog.pg_ts_config y ON r.cat = 'y' AND y.oid = r.oid";

    /**
     * The objects of the scope, as the dependency ends {@link #RESOLVE} resolves; an end and the
     * object it resolves to are always in one schema (an index, constraint, default, rule,
     * trigger, policy, row type or array type lives in its table's or element's schema), so the
     * edges can be cut to the scope before anything is resolved: a tenant schema of a database
     * holding thousands reads its own edges, not every tenant's. Scope tokens: see
     * {@link PgScopeFilter}.
     */
    private static final String SCOPED =
            "SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS cls, c.oid AS obj FROM pg_catalog.pg_class c "
                    + "WHERE {pg_class c}"
                    + " UNION ALL SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, w.oid FROM pg_catalog.pg_rewrite w "
                    + "JOIN pg_catalog.pg_class c ON c.oid = w.ev_class WHERE {pg_class c}"
                    + " UNION ALL SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, a.oid FROM pg_catalog.pg_attrdef a "
                    + "JOIN pg_catalog.pg_class c ON c.oid = a.adrelid WHERE {pg_class c}"
                    + " UNION ALL SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass, g.oid FROM pg_catalog.pg_trigger g "
                    + "JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid WHERE {pg_class c}"
                    + " UNION ALL SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_policy p "
                    + "JOIN pg_catalog.pg_class c ON c.oid = p.polrelid WHERE {pg_class c}"
                    // a constraint lives in its table's or its domain's schema
                    + " UNION ALL SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid FROM pg_catalog.pg_constraint k "
                    + "JOIN pg_catalog.pg_class c ON c.oid = k.conrelid WHERE {pg_class c}"
                    // a domain's: contypid is 0 on almost every row, so a join on it is planned as a
                    // scan of all constraints (484 ms at 5,000 tenants); the domains' OIDs as an
                    // array probe the contypid index
                    + " UNION ALL SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid FROM pg_catalog.pg_constraint k "
                    + "WHERE k.contypid = ANY (ARRAY(SELECT t.oid FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND {pg_type t}))"
                    + " UNION ALL SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_type t "
                    + "WHERE {pg_type t}"
                    + " UNION ALL SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_proc p "
                    + "WHERE {pg_proc p}"
                    + " UNION ALL SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, l.oid FROM pg_catalog.pg_collation l "
                    + "WHERE {pg_collation l}"
                    + " UNION ALL SELECT 'pg_catalog.pg_ts_dict'::pg_catalog.regclass, x.oid FROM pg_catalog.pg_ts_dict x "
                    + "WHERE {pg_ts_dict x}"
                    + " UNION ALL SELECT 'pg_catalog.pg_ts_config'::pg_catalog.regclass, y.oid FROM pg_catalog.pg_ts_config y "
                    + "WHERE {pg_ts_config y}";

    /**
     * Edges between user objects (OIDs from 16384) whose both ends lie in the scope's schemas
     * (the first parameter, their OIDs): object ns/name/kind/args, then the same for what it
     * depends on.
     */
    static final String SQL =
            "WITH s AS (SELECT ?::oid[] AS oids), scoped AS (" + SCOPED + "), "
                    // each scoped object probes the depender index for its own edges: OFFSET 0 keeps the
                    // subquery per object, where as a join the planner hashed all of pg_depend against
                    // the scope (2.7 million rows scanned for a tenant's 342 objects at 5,000 tenants)
                    + "d AS (SELECT DISTINCT x.classid, x.objid, x.refclassid, x.refobjid FROM scoped o "
                    + "CROSS JOIN LATERAL (SELECT classid, objid, refclassid, refobjid FROM pg_catalog.pg_depend "
                    + "WHERE classid = o.cls AND objid = o.obj AND deptype = 'n' AND refobjid >= 16384 OFFSET 0) x "
                    + "WHERE o.obj >= 16384 AND (x.refclassid, x.refobjid) IN (SELECT cls, obj FROM scoped)), "
                    + "ends AS (SELECT classid AS cls, objid AS obj FROM d UNION SELECT refclassid, refobjid FROM d), "
                    + "res AS (" + RESOLVE + "), "
                    + "r AS (SELECT DISTINCT cat, oid FROM res), "
                    + "o AS (" + DESCRIBE + ") "
                    + "SELECT DISTINCT a.ns, a.name, a.kind, a.args, b.ns AS refns, b.name AS refname, b.kind AS refkind, "
                    + "b.args AS refargs FROM d "
                    + "JOIN res ra ON ra.cls = d.classid AND ra.obj = d.objid "
                    + "JOIN res rb ON rb.cls = d.refclassid AND rb.obj = d.refobjid "
                    + "JOIN o a ON a.cat = ra.cat AND a.oid = ra.oid JOIN o b ON b.cat = rb.cat AND b.oid = rb.oid "
                    + "WHERE (ra.cat, ra.oid) <> (rb.cat, rb.oid) "
                    + "AND a.ns = ANY ((SELECT oids FROM s)::oid[]) AND b.ns = ANY ((SELECT oids FROM s)::oid[])";

    /** Turns nested loops off for the transaction, returning the setting it had ({@code was}). */
    static final String NO_NESTED_LOOPS = "SELECT pg_catalog.current_setting('enable_nestloop') AS was, "
            + "pg_catalog.set_config('enable_nestloop', 'off', true)";

    /** Puts the setting back (bound: the value {@link #NO_NESTED_LOOPS} returned). */
    static final String RESTORE_NESTED_LOOPS = "SELECT pg_catalog.set_config('enable_nestloop', ?::text, true)";

    /** The edge of one row, or null when an end is of a kind a snapshot does not hold. */
    static Dependency edge(ResultSet rs, PgScopeNames names, int serverVersion) throws SQLException {
        ObjectKey object = key(names, rs.getLong("ns"), rs.getString("name"), rs.getString("kind"), rs.getString("args"),
                serverVersion);
        ObjectKey dependsOn = key(names, rs.getLong("refns"), rs.getString("refname"), rs.getString("refkind"),
                rs.getString("refargs"), serverVersion);
        return object == null || dependsOn == null ? null : new Dependency(object, dependsOn);
    }

    /**
     * The snapshot key of a described object. The kind letter is a prokind for routines (which
     * always have an argument list, if empty), else a relkind or a typtype; those never meet on one
     * letter, since a composite type's pg_class row is resolved to the type.
     */
    private static ObjectKey key(PgScopeNames names, long ns, String name, String kind, String args, int serverVersion) {
        String schema = names.ofOid(ns);
        if (args != null) {
            return switch (kind) {
                case "p" -> ObjectKey.of(ObjectKind.PROCEDURE, schema,
                        name + "(" + PgProcedureArgs.identity(args, serverVersion) + ")");
                case "f", "w" -> ObjectKey.of(ObjectKind.FUNCTION, schema, name + "(" + args + ")");
                case "a" -> ObjectKey.of(ObjectKind.AGGREGATE, schema, name + "(" + args + ")");
                default -> null;
            };
        }
        return switch (kind) {
            case "r", "p" -> ObjectKey.of(ObjectKind.TABLE, schema, name);
            case "v" -> ObjectKey.of(ObjectKind.VIEW, schema, name);
            case "m" -> ObjectKey.of(ObjectKind.MATERIALIZED_VIEW, schema, name);
            case "S" -> ObjectKey.of(ObjectKind.SEQUENCE, schema, name);
            case "e" -> ObjectKey.of(ObjectKind.ENUM_TYPE, schema, name);
            case "d" -> ObjectKey.of(ObjectKind.DOMAIN, schema, name);
            case "c" -> ObjectKey.of(ObjectKind.COMPOSITE_TYPE, schema, name);
            case "collation" -> ObjectKey.of(ObjectKind.COLLATION, schema, name);
            case "dictionary" -> ObjectKey.of(ObjectKind.TEXT_SEARCH_DICTIONARY, schema, name);
            case "configuration" -> ObjectKey.of(ObjectKind.TEXT_SEARCH_CONFIGURATION, schema, name);
            default -> null;
        };
    }
}
