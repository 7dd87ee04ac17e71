package dev.driftd.dialect.postgres;

import dev.driftd.dialect.SchemaMarkers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog marker of every schema of a database, for schema-per-tenant fleets: one statement
 * counts, per schema and per catalog, the rows that belong to the schema's objects and sums their
 * inserting transaction ids (the argument of {@link PgCatalog#CATALOG_MARKER}, applied per schema:
 * every DDL statement, comment and grant writes new catalog row versions, attributed to the schema
 * of the object they describe). A schema's marker is that part, plus the parts of the schemas its
 * objects depend on (pg_depend: a view, default, foreign key, column type or trigger function in
 * another schema; transitively), plus what no schema owns (extensions, languages, casts, roles,
 * the server version). So one tenant's DDL moves its own marker and, when others depend on its
 * objects, theirs; never an unrelated tenant's.
 *
 * <p>The per-schema statement scans the large catalogs with joins; a sweep of an unchanged
 * database need not pay that: the database-wide marker ({@link PgCatalog#CATALOG_MARKER}) is read
 * first in the same transaction and, when it equals the one behind the previous answer, that
 * answer is handed back as it is.
 */
final class PgSchemaMarkers implements SchemaMarkers {
    /** The schema of rows no schema owns. */
    private static final String NONE = "0::pg_catalog.oid";

    /** Catalog rows owned by an object of a schema: (catalog, object oid) → schema oid. */
    private static final String OWNERS = "owners(classid, oid, ns) AS ("
            + owner("pg_class", "x.relnamespace", "pg_catalog.pg_class x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_type", "x.typnamespace", "pg_catalog.pg_type x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_proc", "x.pronamespace", "pg_catalog.pg_proc x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_constraint", "x.connamespace", "pg_catalog.pg_constraint x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_namespace", "x.oid", "pg_catalog.pg_namespace x")
            + " UNION ALL " + owner("pg_attrdef", "r.relnamespace", "pg_catalog.pg_attrdef x " + onRel("x.adrelid"))
            + " UNION ALL " + owner("pg_rewrite", "r.relnamespace",
            "pg_catalog.pg_rewrite x " + onRel("x.ev_class") + " WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_trigger", "r.relnamespace", "pg_catalog.pg_trigger x " + onRel("x.tgrelid"))
            + " UNION ALL " + owner("pg_policy", "r.relnamespace", "pg_catalog.pg_policy x " + onRel("x.polrelid"))
            + " UNION ALL " + owner("pg_collation", "x.collnamespace", "pg_catalog.pg_collation x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_opclass", "x.opcnamespace", "pg_catalog.pg_opclass x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_opfamily", "x.opfnamespace", "pg_catalog.pg_opfamily x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_operator", "x.oprnamespace", "pg_catalog.pg_operator x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_conversion", "x.connamespace", "pg_catalog.pg_conversion x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_statistic_ext", "x.stxnamespace", "pg_catalog.pg_statistic_ext x")
            + " UNION ALL " + owner("pg_ts_config", "x.cfgnamespace", "pg_catalog.pg_ts_config x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_ts_dict", "x.dictnamespace", "pg_catalog.pg_ts_dict x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_ts_parser", "x.prsnamespace", "pg_catalog.pg_ts_parser x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_ts_template", "x.tmplnamespace", "pg_catalog.pg_ts_template x WHERE x.oid >= 16384")
            + " UNION ALL " + owner("pg_default_acl", "x.defaclnamespace", "pg_catalog.pg_default_acl x")
            + ")";

    /**
     * (schema oid, catalog, xmin) of every catalog row a schema's snapshot depends on; schema 0
     * for rows no schema owns. The catalogs are those of {@link PgCatalog#CATALOG_MARKER}.
     */
    private static final List<String> ROWS = List.of(
            row("class", "x.relnamespace", "pg_catalog.pg_class x WHERE x.oid >= 16384"),
            row("attribute", "r.relnamespace", "pg_catalog.pg_attribute x " + onRel("x.attrelid")
                    + " WHERE x.attrelid >= 16384"),
            row("attrdef", "r.relnamespace", "pg_catalog.pg_attrdef x " + onRel("x.adrelid")),
            row("constraint", "x.connamespace", "pg_catalog.pg_constraint x WHERE x.oid >= 16384"),
            row("index", "r.relnamespace", "pg_catalog.pg_index x " + onRel("x.indexrelid")
                    + " WHERE x.indexrelid >= 16384"),
            row("type", "x.typnamespace", "pg_catalog.pg_type x WHERE x.oid >= 16384"),
            row("enum", "t.typnamespace", "pg_catalog.pg_enum x JOIN pg_catalog.pg_type t ON t.oid = x.enumtypid"),
            row("range", "t.typnamespace", "pg_catalog.pg_range x JOIN pg_catalog.pg_type t ON t.oid = x.rngtypid"
                    + " WHERE x.rngtypid >= 16384"),
            row("proc", "x.pronamespace", "pg_catalog.pg_proc x WHERE x.oid >= 16384"),
            row("aggregate", "p.pronamespace", "pg_catalog.pg_aggregate x JOIN pg_catalog.pg_proc p"
                    + " ON p.oid = x.aggfnoid WHERE x.aggfnoid >= 16384"),
            row("trigger", "r.relnamespace", "pg_catalog.pg_trigger x " + onRel("x.tgrelid")),
            row("policy", "r.relnamespace", "pg_catalog.pg_policy x " + onRel("x.polrelid")),
            row("rewrite", "r.relnamespace", "pg_catalog.pg_rewrite x " + onRel("x.ev_class") + " WHERE x.oid >= 16384"),
            row("sequence", "r.relnamespace", "pg_catalog.pg_sequence x " + onRel("x.seqrelid")),
            row("inherits", "r.relnamespace", "pg_catalog.pg_inherits x " + onRel("x.inhrelid")),
            row("partitioned", "r.relnamespace", "pg_catalog.pg_partitioned_table x " + onRel("x.partrelid")),
            row("namespace", "x.oid", "pg_catalog.pg_namespace x"),
            row("collation", "x.collnamespace", "pg_catalog.pg_collation x WHERE x.oid >= 16384"),
            row("opclass", "x.opcnamespace", "pg_catalog.pg_opclass x WHERE x.oid >= 16384"),
            row("opfamily", "x.opfnamespace", "pg_catalog.pg_opfamily x WHERE x.oid >= 16384"),
            row("operator", "x.oprnamespace", "pg_catalog.pg_operator x WHERE x.oid >= 16384"),
            row("conversion", "x.connamespace", "pg_catalog.pg_conversion x WHERE x.oid >= 16384"),
            row("statistic", "x.stxnamespace", "pg_catalog.pg_statistic_ext x"),
            row("tsconfig", "x.cfgnamespace", "pg_catalog.pg_ts_config x WHERE x.oid >= 16384"),
            row("tsmap", "c.cfgnamespace", "pg_catalog.pg_ts_config_map x JOIN pg_catalog.pg_ts_config c"
                    + " ON c.oid = x.mapcfg WHERE x.mapcfg >= 16384"),
            row("tsdict", "x.dictnamespace", "pg_catalog.pg_ts_dict x WHERE x.oid >= 16384"),
            row("tsparser", "x.prsnamespace", "pg_catalog.pg_ts_parser x WHERE x.oid >= 16384"),
            row("tstemplate", "x.tmplnamespace", "pg_catalog.pg_ts_template x WHERE x.oid >= 16384"),
            row("defaultacl", "x.defaclnamespace", "pg_catalog.pg_default_acl x"),
            row("description", "COALESCE(o.ns, 0::pg_catalog.oid)", "pg_catalog.pg_description x LEFT JOIN owners o"
                    + " ON o.classid = x.classoid AND o.oid = x.objoid WHERE x.objoid >= 16384 OR x.classoid IN"
                    + " ('pg_catalog.pg_namespace'::pg_catalog.regclass, 'pg_catalog.pg_extension'::pg_catalog.regclass)"),
            row("depend", "COALESCE(o.ns, 0::pg_catalog.oid)", "pg_catalog.pg_depend x LEFT JOIN owners o"
                    + " ON o.classid = x.classid AND o.oid = x.objid WHERE x.objid >= 16384"),
            // what no schema owns: every schema's marker carries it
            row("extension", NONE, "pg_catalog.pg_extension x"),
            row("am", NONE, "pg_catalog.pg_am x WHERE x.oid >= 16384"),
            row("language", NONE, "pg_catalog.pg_language x WHERE x.oid >= 16384"),
            row("cast", NONE, "pg_catalog.pg_cast x WHERE x.oid >= 16384"),
            row("fdw", NONE, "pg_catalog.pg_foreign_data_wrapper x"),
            row("server", NONE, "pg_catalog.pg_foreign_server x"),
            row("eventtrigger", NONE, "pg_catalog.pg_event_trigger x"),
            row("publication", NONE, "pg_catalog.pg_publication x"),
            row("transform", NONE, "pg_catalog.pg_transform x"));

    /**
     * One row per schema ({@code p}: its parts), one per cross-schema dependency ({@code e}), and
     * one for the server ({@code g}: version and role names, which grants print).
     */
    static final String QUERY = "WITH " + OWNERS + ", rows(ns, k, x) AS (" + String.join(" UNION ALL ", ROWS)
            + "), parts AS (SELECT ns, k, count(*) AS n, sum(x::text::int8) AS s FROM rows GROUP BY ns, k)"
            + " SELECT 'p' AS what, p.ns::int8 AS ns, n.nspname AS name, p.part, NULL::int8 AS refns FROM"
            + " (SELECT ns, pg_catalog.string_agg(k || ':' || n || ':' || s, ',' ORDER BY k) AS part FROM parts"
            + " GROUP BY ns) p LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.ns"
            + " UNION ALL SELECT DISTINCT 'e', o.ns::int8, NULL, NULL, r.ns::int8 FROM pg_catalog.pg_depend d"
            + " JOIN owners o ON o.classid = d.classid AND o.oid = d.objid"
            + " JOIN owners r ON r.classid = d.refclassid AND r.oid = d.refobjid"
            + " WHERE d.objid >= 16384 AND o.ns <> r.ns"
            + " UNION ALL SELECT 'g', 0, NULL, pg_catalog.current_setting('server_version_num') || ';'"
            + " || COALESCE((SELECT pg_catalog.string_agg(oid::text || '=' || rolname, ',' ORDER BY oid)"
            + " FROM pg_catalog.pg_roles), ''), NULL";

    private final String databaseMarker;
    private final Map<String, String> bySchema;
    private final boolean carriedOver;

    private PgSchemaMarkers(String databaseMarker, Map<String, String> bySchema, boolean carriedOver) {
        this.databaseMarker = databaseMarker;
        this.bySchema = bySchema;
        this.carriedOver = carriedOver;
    }

    @Override
    public String of(String schema) {
        return bySchema.get(schema);
    }

    @Override
    public boolean carriedOver() {
        return carriedOver;
    }

    /**
     * Reads the markers in one repeatable-read transaction: the database-wide marker, then, unless
     * it equals {@code previous}'s, the per-schema statement.
     */
    static PgSchemaMarkers read(Connection c, SchemaMarkers previous) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = c.createStatement()) {
            String database;
            try (ResultSet rs = s.executeQuery(PgCatalog.CATALOG_MARKER)) {
                rs.next();
                database = rs.getString(1);
            }
            if (previous instanceof PgSchemaMarkers p && p.databaseMarker.equals(database)) {
                return new PgSchemaMarkers(database, p.bySchema, true);
            }
            // the grouping hashes a few hundred thousand rows per thousand tables: in memory, not on disk
            try (PreparedStatement set = c.prepareStatement("SELECT pg_catalog.set_config('work_mem', '64MB', true)")) {
                set.execute();
            }
            try (ResultSet rs = s.executeQuery(QUERY)) {
                return new PgSchemaMarkers(database, compose(rs), false);
            }
        } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    /** Each named schema's marker: the server, what no schema owns, and its own and its dependencies' parts. */
    private static Map<String, String> compose(ResultSet rs) throws SQLException {
        Map<Long, String> parts = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Set<Long>> refs = new HashMap<>();
        String server = "";
        while (rs.next()) {
            long ns = rs.getLong("ns");
            switch (rs.getString("what")) {
                case "p" -> {
                    parts.put(ns, rs.getString("part"));
                    String name = rs.getString("name");
                    if (name != null) {
                        names.put(ns, name);
                    }
                }
                case "e" -> refs.computeIfAbsent(ns, k -> new HashSet<>()).add(rs.getLong("refns"));
                default -> server = rs.getString("part");
            }
        }
        String shared = server + '\n' + parts.getOrDefault(0L, "");
        Map<String, String> out = new HashMap<>();
        names.forEach((ns, name) -> {
            StringBuilder text = new StringBuilder(shared);
            for (long dep : closure(ns, refs)) {
                text.append('\n').append(dep).append('=').append(parts.getOrDefault(dep, ""));
            }
            out.put(name, sha256(text.toString()));
        });
        return Map.copyOf(out);
    }

    /** The schema and every schema it depends on, directly or through others, in oid order. */
    private static Set<Long> closure(long ns, Map<Long, Set<Long>> refs) {
        Set<Long> seen = new TreeSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(ns);
        while (!todo.isEmpty()) {
            long next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(refs.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String owner(String catalog, String ns, String from) {
        return "SELECT 'pg_catalog." + catalog + "'::pg_catalog.regclass, x.oid, " + ns + " FROM " + from;
    }

    private static String row(String kind, String ns, String from) {
        return "SELECT " + ns + ", '" + kind + "', x.xmin FROM " + from;
    }

    private static String onRel(String oidExpr) {
        return "JOIN pg_catalog.pg_class r ON r.oid = " + oidExpr;
    }
}
