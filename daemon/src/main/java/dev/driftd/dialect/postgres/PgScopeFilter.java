package dev.driftd.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the catalog queries keep to the scope. A query names a catalog row that must lie in the
 * scope with a token, {@code {pg_class c}} ("row c of pg_class is in scope"), and
 * {@link #bind} turns each token into a predicate with its bound value:
 *
 * <ul>
 *   <li><b>by schema</b> (a database scope): {@code c.relnamespace = ANY (?::oid[])} with the
 *   scope's schema OIDs. The scope is most of the database, so scanning the catalog is the
 *   right plan.</li>
 *   <li><b>by member</b> (a single-schema scope): {@code c.oid = ANY (?::oid[]) AND
 *   c.relnamespace = ANY (?::oid[])} with the OIDs of the schema's own rows of that catalog,
 *   found once per snapshot by {@link #MEMBERS}. No catalog has an index that leads with the
 *   namespace, so a namespace filter scans every tenant's rows: one tenant of a database holding
 *   1,000 spent 690 ms on ~25 such scans, and a sweep of all tenants grew with their square.
 *   By OID each query reads its own rows through the catalogs' OID indexes.</li>
 * </ul>
 *
 * <p>The member OIDs come from the schema's dependency rows ({@code pg_depend} is indexed by the
 * referenced object): the server records a normal dependency on its schema for every object it
 * creates in one (that is what {@code DROP SCHEMA ... CASCADE} follows), except objects that live
 * in the schema only as a part of another object: a table's row type and indexes, a composite
 * type's relation, array types. {@link #MEMBERS} adds those back from their owner. The namespace
 * predicate stays next to the OIDs, so a member can only narrow the scope, never widen it.
 *
 * <p>Plain {@code ?} placeholders keep their meaning: their values are the caller's, in order.
 */
final class PgScopeFilter {
    /** The namespace column of each catalog a token may name. */
    private static final Map<String, String> NAMESPACE_COLUMNS = Map.ofEntries(
            Map.entry("pg_class", "relnamespace"), Map.entry("pg_type", "typnamespace"),
            Map.entry("pg_proc", "pronamespace"), Map.entry("pg_collation", "collnamespace"),
            Map.entry("pg_ts_dict", "dictnamespace"), Map.entry("pg_ts_config", "cfgnamespace"),
            Map.entry("pg_ts_parser", "prsnamespace"), Map.entry("pg_ts_template", "tmplnamespace"),
            Map.entry("pg_operator", "oprnamespace"), Map.entry("pg_opclass", "opcnamespace"),
            Map.entry("pg_opfamily", "opfnamespace"), Map.entry("pg_conversion", "connamespace"),
            Map.entry("pg_statistic_ext", "stxnamespace"));

    /**
     * The single-schema scope's members by catalog ({@code catalog}, {@code oids} as text): rows
     * depending on the schema, relations of composite types, indexes of the relations, row types
     * of the relations, and the array types of all those types; and on every row the size of
     * {@code pg_class} ({@code class_bytes}, for {@link #membersPay}). Parameter: the schema OIDs.
     */
    static final String MEMBERS =
            "WITH d AS (SELECT classid, objid FROM pg_catalog.pg_depend "
                    + "WHERE refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass "
                    + "AND refobjid = ANY (?::oid[]) AND deptype = 'n'), "
                    + "rels AS (SELECT objid AS oid FROM d WHERE classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                    + "UNION SELECT t.typrelid FROM d JOIN pg_catalog.pg_type t ON t.oid = d.objid "
                    + "WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.typrelid <> 0), "
                    + "types AS (SELECT objid AS oid FROM d WHERE classid = 'pg_catalog.pg_type'::pg_catalog.regclass "
                    + "UNION SELECT c.reltype FROM rels r JOIN pg_catalog.pg_class c ON c.oid = r.oid WHERE c.reltype <> 0), "
                    + "m AS (SELECT 'pg_class' AS catalog, pg_catalog.array_agg(oid)::text AS oids FROM ("
                    + "SELECT oid FROM rels UNION SELECT i.indexrelid FROM rels r "
                    + "JOIN pg_catalog.pg_index i ON i.indrelid = r.oid) x "
                    + "UNION ALL SELECT 'pg_type', pg_catalog.array_agg(oid)::text FROM ("
                    + "SELECT oid FROM types UNION SELECT t.typarray FROM types u "
                    + "JOIN pg_catalog.pg_type t ON t.oid = u.oid WHERE t.typarray <> 0) x "
                    + "UNION ALL SELECT k.relname::text, pg_catalog.array_agg(d.objid)::text FROM d "
                    + "JOIN pg_catalog.pg_class k ON k.oid = d.classid "
                    + "WHERE d.classid NOT IN ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_type'::pg_catalog.regclass) "
                    + "GROUP BY k.relname) "
                    + "SELECT m.catalog, m.oids, pg_catalog.pg_relation_size('pg_catalog.pg_class'::pg_catalog.regclass) "
                    + "AS class_bytes FROM m";

    /**
     * For the transaction of a member-filtered read: no parallel workers. Starting them costs more
     * than a tenant's whole query (a 27 ms gather around a 1 ms scan). Sequential scans stay
     * allowed: turned off, the planner merged against a catalog it took for empty and paid a
     * nested loop over two whole catalogs to find a first row (1.3 s), where a scan of a small
     * catalog was the right plan.
     */
    static final String NO_PARALLEL_PLANS =
            "SELECT pg_catalog.set_config('max_parallel_workers_per_gather', '0', true)";

    /** How a single schema is read. */
    enum TenantRead {
        /** By member when the schema holds a small share of the database ({@link #membersPay}), else by namespace. */
        BY_SHARE,
        /** Always by member (tests). */
        BY_MEMBER,
        /** Always by namespace, as a database scope reads (tests: the reading a member read must equal). */
        BY_NAMESPACE
    }

    /** Bytes of one {@code pg_class} row on disk, about (250–370 measured, with dead rows). */
    private static final long CLASS_ROW_BYTES = 300;

    /**
     * Whether reading by member beats scanning: when the schema's relations are under a quarter of
     * the database's, estimated from {@code pg_class}'s size on disk (exact and free to read, unlike
     * a count, and unlike its statistics never stale). Measured with the schema at 0.07 % of the
     * database (a tenant of 1,000): 70 ms by member, 290–400 by namespace; at 14 % (500 tables
     * beside 2,000): 324–345 against 410–515 ms; at 56 % (those 2,000 tables): 740–780 against
     * 540–610 ms. The two readings are equal (see the tests); only their cost differs.
     */
    static boolean membersPay(String classMembers, long classBytes) {
        long relations = "{}".equals(classMembers) ? 0 : classMembers.chars().filter(ch -> ch == ',').count() + 1;
        return relations * 4 * CLASS_ROW_BYTES < classBytes;
    }

    /** A statement ready to prepare: SQL with plain placeholders only, and its values in order. */
    record Bound(String sql, Object[] params) {
    }

    /**
     * An {@code oid[]} value in its text form, bound untyped so the server parses it as the
     * {@code oid[]} it is cast to: the planner then sees the array itself and plans for its length
     * (bound as varchar, the cast is not folded and every array is estimated at one row, which
     * sent a join to scan a whole catalog).
     */
    record OidArray(String text) {
    }

    private final String schemaOids;
    /** Member OIDs ({@code {…}}) by catalog; null when filtering by schema. */
    private final Map<String, String> members;

    private PgScopeFilter(String schemaOids, Map<String, String> members) {
        this.schemaOids = schemaOids;
        this.members = members;
    }

    /** Filters by namespace column: for a scope that is (most of) the database. */
    static PgScopeFilter bySchema(String schemaOids) {
        return new PgScopeFilter(schemaOids, null);
    }

    /** Filters by the members {@link #MEMBERS} found: {@code catalog} → OID array text. */
    static PgScopeFilter byMember(String schemaOids, Map<String, String> membersByCatalog) {
        return new PgScopeFilter(schemaOids, Map.copyOf(membersByCatalog));
    }

    boolean byMember() {
        return members != null;
    }

    /**
     * Replaces each {@code {catalog alias}} token of {@code sql} with its predicate; plain
     * {@code ?} placeholders take {@code plain}'s values in order. A token naming a catalog
     * without a namespace column fails at once: it is a mistake in the query text.
     */
    Bound bind(String sql, Object... plain) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        List<Object> params = new ArrayList<>();
        int nextPlain = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?') {
                if (nextPlain >= plain.length) {
                    throw new IllegalArgumentException("more placeholders than values in: " + sql);
                }
                params.add(plain[nextPlain++]);
                out.append(ch);
            } else if (ch == '{' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = sql.indexOf('}', i);
                String[] token = sql.substring(i + 1, end).split(" ");
                String column = NAMESPACE_COLUMNS.get(token[0]);
                if (token.length != 2 || column == null) {
                    throw new IllegalArgumentException("not a scope token: " + sql.substring(i, end + 1));
                }
                String alias = token[1];
                if (members == null) {
                    out.append(alias).append('.').append(column).append(" = ANY (?::oid[])");
                } else {
                    out.append('(').append(alias).append(".oid = ANY (?::oid[]) AND ").append(alias).append('.')
                            .append(column).append(" = ANY (?::oid[]))");
                    params.add(new OidArray(members.getOrDefault(token[0], "{}")));
                }
                params.add(new OidArray(schemaOids));
                i = end;
            } else {
                out.append(ch);
            }
        }
        if (nextPlain != plain.length) {
            throw new IllegalArgumentException("more values than placeholders in: " + sql);
        }
        return new Bound(out.toString(), params.toArray());
    }
}
