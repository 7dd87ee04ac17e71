package dev.driftd.dialect.postgres;

/**
 * The catalog queries of one snapshot, one per object kind, each covering the whole scope (the
 * schema OIDs are bound as one {@code oid[]} parameter), so the number of statements never grows
 * with the number of tables. Deparsing ({@code pg_get_expr}, {@code pg_get_viewdef}, ...) runs with
 * the {@code search_path} the inspector set: the tenant schema in a single-schema scope (names of
 * that schema print unqualified), empty for a whole database (every name printed qualified).
 *
 * <p>Cost notes, measured at 2,000 tables: deparsing with a relation context opens the relation
 * (relcache build and a lock), so column defaults, which never reference columns, are deparsed
 * without one; full index definitions are only asked for when a key has an expression, an operator
 * class other than its type's default, or a collation other than its column's; attribute numbers
 * are mapped to names in Java from the columns already read; comments come in one query.
 * Extension members are filtered at the top-level objects only: a part whose table is not in the
 * snapshot is dropped by the inspector.
 */
final class PgCatalog {
    private PgCatalog() {
    }

    /** PostgreSQL 13 is the oldest server read; it has {@code tgparentid} and {@code conparentid}. */
    static final int MIN_VERSION = 130000;

    static String notExtensionMember(String catalog, String oidExpr) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog." + catalog
                + "'::pg_catalog.regclass AND x.objid = " + oidExpr + " AND x.deptype = 'e')";
    }

    private static String comment(String alias, String catalog, String oidExpr) {
        return "LEFT JOIN pg_catalog.pg_description " + alias + " ON " + alias + ".objoid = " + oidExpr + " AND "
                + alias + ".classoid = 'pg_catalog." + catalog + "'::pg_catalog.regclass AND " + alias + ".objsubid = 0";
    }

    /**
     * The catalog marker: per catalog the inspector reads (and those its deparsing functions read),
     * the number of rows and the sum of their inserting transaction ids. Every DDL statement,
     * comment and grant writes new catalog row versions, and a new version's xmin is newer than
     * any it replaces, so the sum cannot come back to an earlier value while the count does:
     * an equal marker means unchanged catalogs. VACUUM and ANALYZE update pg_class in place and
     * leave it alone. Role names (grantees) and the server version are part of it too. The large
     * catalogs count user objects only (OIDs from 16384 up; comments also on the system's
     * schemas and extensions, such as public and plpgsql); system rows do not change.
     */
    static final String CATALOG_MARKER = catalogMarker(java.util.List.of(
            "pg_namespace", "pg_class WHERE oid >= 16384", "pg_attribute WHERE attrelid >= 16384", "pg_attrdef",
            "pg_constraint", "pg_index WHERE indexrelid >= 16384", "pg_type WHERE oid >= 16384", "pg_enum",
            "pg_proc WHERE oid >= 16384", "pg_trigger", "pg_policy",
            "pg_description WHERE objoid >= 16384 OR classoid IN ('pg_catalog.pg_namespace'::pg_catalog.regclass, "
                    + "'pg_catalog.pg_extension'::pg_catalog.regclass)",
            "pg_depend WHERE objid >= 16384", "pg_sequence", "pg_extension", "pg_rewrite WHERE oid >= 16384",
            "pg_inherits", "pg_partitioned_table", "pg_collation WHERE oid >= 16384", "pg_opclass WHERE oid >= 16384",
            "pg_operator WHERE oid >= 16384", "pg_am WHERE oid >= 16384", "pg_language WHERE oid >= 16384",
            "pg_aggregate WHERE aggfnoid >= 16384", "pg_ts_dict WHERE oid >= 16384", "pg_ts_config WHERE oid >= 16384",
            "pg_ts_config_map WHERE mapcfg >= 16384", "pg_cast WHERE oid >= 16384", "pg_statistic_ext",
            "pg_foreign_data_wrapper", "pg_foreign_server", "pg_event_trigger", "pg_publication",
            "pg_default_acl", "pg_opfamily WHERE oid >= 16384", "pg_conversion WHERE oid >= 16384",
            "pg_ts_parser WHERE oid >= 16384", "pg_ts_template WHERE oid >= 16384", "pg_transform", "pg_range"));

    /** One count and xmin sum per {@code catalog [WHERE rows]} entry. */
    private static String catalogMarker(java.util.List<String> catalogs) {
        StringBuilder sql = new StringBuilder("SELECT pg_catalog.md5(pg_catalog.concat_ws(',', "
                + "pg_catalog.current_setting('server_version_num')");
        for (String rows : catalogs) {
            sql.append(", (SELECT count(*) || ':' || COALESCE(sum(xmin::text::int8), 0) FROM pg_catalog.")
                    .append(rows).append(')');
        }
        return sql.append(", (SELECT pg_catalog.string_agg(oid::text || '=' || rolname, ',' ORDER BY oid) "
                + "FROM pg_catalog.pg_roles)))").toString();
    }

    /** search_path for deparsing: the quoted tenant schema, or empty (everything qualified). */
    static final String SET_SEARCH_PATH =
            "SELECT pg_catalog.set_config('search_path', CASE WHEN ?::text IS NULL THEN '' "
                    + "ELSE pg_catalog.quote_ident(?::text) END, true)";

    /**
     * The scope: database, server version and the schemas read. Always one row at least, so a
     * missing schema still reports the database name.
     */
    static String schemas(boolean single) {
        String filter = single ? "n.nspname = ?"
                : "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' AND "
                + notExtensionMember("pg_namespace", "n.oid");
        return "SELECT pg_catalog.current_database() AS db, pg_catalog.current_setting('server_version_num')::int AS vnum, "
                + "pg_catalog.current_setting('server_version') AS version, n.oid AS oid, n.nspname AS name, "
                + "pg_catalog.quote_ident(n.nspname) AS quoted, d.description AS comment "
                + "FROM (SELECT 1) one LEFT JOIN (pg_catalog.pg_namespace n "
                + comment("d", "pg_namespace", "n.oid") + ") ON " + filter + " ORDER BY n.nspname";
    }

    static final String EXTENSIONS =
            "SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version, d.description AS comment "
                    + "FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
                    + comment("d", "pg_extension", "e.oid")
                    + " WHERE ?::boolean OR e.extnamespace = ANY (?::oid[]) ORDER BY e.extname";

    /**
     * Comments on user objects of the scope (system objects have OIDs below 16384), keyed by the
     * catalog letter the inspector looks them up with: c relation or column, t type, f routine,
     * k table constraint, g trigger, p policy, l collation, d text search dictionary, y text search configuration, u rule.
     */
    static final String COMMENTS = String.join(" UNION ALL ",
            comments("c", "pg_class", "pg_catalog.pg_class o", "{pg_class o}"),
            comments("t", "pg_type", "pg_catalog.pg_type o", "{pg_type o}"),
            comments("f", "pg_proc", "pg_catalog.pg_proc o", "{pg_proc o}"),
            // a table's constraints (a domain's checks: DOMAINS reads theirs)
            partComments("k", "pg_constraint", "pg_catalog.pg_constraint o JOIN pg_catalog.pg_class c ON c.oid = o.conrelid"),
            partComments("g", "pg_trigger", "pg_catalog.pg_trigger o JOIN pg_catalog.pg_class c ON c.oid = o.tgrelid"),
            partComments("p", "pg_policy", "pg_catalog.pg_policy o JOIN pg_catalog.pg_class c ON c.oid = o.polrelid"),
            comments("l", "pg_collation", "pg_catalog.pg_collation o", "{pg_collation o}"),
            comments("d", "pg_ts_dict", "pg_catalog.pg_ts_dict o", "{pg_ts_dict o}"),
            comments("y", "pg_ts_config", "pg_catalog.pg_ts_config o", "{pg_ts_config o}"),
            partComments("u", "pg_rewrite", "pg_catalog.pg_rewrite o JOIN pg_catalog.pg_class c ON c.oid = o.ev_class"));

    /** Comments on the rows {@code o} of {@code catalog} in scope (relations: on their columns too). */
    private static String comments(String letter, String catalog, String from, String inScope) {
        return "SELECT '" + letter + "' AS cat, d.objoid AS oid, " + ("c".equals(letter) ? "d.objsubid" : "0")
                + " AS sub, d.description AS comment FROM " + from + " JOIN pg_catalog.pg_description d "
                + "ON d.objoid = o.oid AND d.classoid = 'pg_catalog." + catalog + "'::pg_catalog.regclass WHERE " + inScope;
    }

    /**
     * Comments on the parts {@code o} of the relations {@code c} in scope, looked up per part: joined
     * as a third table instead, the planner read a catalog holding no such comments as empty, merged
     * against it, and paid a nested loop over every constraint and relation to find a first row
     * (1.3 s for a schema of 500 tables).
     */
    private static String partComments(String letter, String catalog, String from) {
        return "SELECT * FROM (SELECT '" + letter + "' AS cat, o.oid AS oid, 0 AS sub, "
                + "(SELECT d.description FROM pg_catalog.pg_description d WHERE d.objoid = o.oid AND d.classoid = 'pg_catalog."
                + catalog + "'::pg_catalog.regclass AND d.objsubid = 0) AS comment FROM " + from
                + " WHERE {pg_class c}) p" + letter + " WHERE comment IS NOT NULL";
    }

    static final String ENUMS =
            "SELECT t.oid AS oid, t.typnamespace AS ns, t.typname AS name, "
                    + "ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid "
                    + "ORDER BY e.enumsortorder) AS labels "
                    + "FROM pg_catalog.pg_type t WHERE t.typtype = 'e' AND {pg_type t} AND "
                    + notExtensionMember("pg_type", "t.oid");

    /** One row per domain check (or one row with null check for a domain without checks). */
    static final String DOMAINS =
            "SELECT t.oid AS oid, t.typnamespace AS ns, t.typname AS name, "
                    + "pg_catalog.format_type(t.typbasetype, t.typtypmod) AS basetype, "
                    + "pg_catalog.format_type(t.typbasetype, NULL) AS basename, bt.typcategory AS cat, "
                    + "et.typcategory AS elemcat, t.typnotnull AS notnull, "
                    + "pg_catalog.pg_get_expr(t.typdefaultbin, 0, true) AS def, "
                    + "CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END AS collname, "
                    + "CASE WHEN t.typcollation <> bt.typcollation THEN cn.nspname END AS collns, "
                    + "k.conname AS checkname, pg_catalog.pg_get_expr(k.conbin, 0, true) AS checkexpr, "
                    + "(SELECT d.description FROM pg_catalog.pg_description d WHERE d.objoid = k.oid "
                    + "AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objsubid = 0) AS checkcomment "
                    + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
                    + "LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A' "
                    + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation "
                    + "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
                    + "LEFT JOIN pg_catalog.pg_constraint k ON k.contypid = t.oid AND k.contype = 'c' "
                    + "WHERE t.typtype = 'd' AND {pg_type t} AND "
                    + notExtensionMember("pg_type", "t.oid") + " ORDER BY t.oid, k.conname";

    /** One row per attribute of a composite type. */
    static final String COMPOSITES =
            "SELECT t.oid AS oid, t.typnamespace AS ns, t.typname AS name, a.attname AS attname, "
                    + "c.oid AS relid, a.attnum AS attnum, pg_catalog.format_type(a.atttypid, a.atttypmod) AS atttype, "
                    + "CASE WHEN a.attcollation <> at.typcollation THEN co.collname END AS collname, "
                    + "CASE WHEN a.attcollation <> at.typcollation THEN cn.nspname END AS collns "
                    + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' "
                    + "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                    + "LEFT JOIN pg_catalog.pg_type at ON at.oid = a.atttypid "
                    + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
                    + "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
                    + "WHERE t.typtype = 'c' AND {pg_type t} AND "
                    + notExtensionMember("pg_type", "t.oid") + " ORDER BY t.oid, a.attnum";

    /** Free-standing sequences: identity sequences (deptype 'i') belong to their column. */
    static final String SEQUENCES =
            "SELECT c.oid AS oid, c.relnamespace AS ns, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS type, "
                    + "s.seqstart AS start, s.seqincrement AS inc, s.seqmin AS min, s.seqmax AS max, "
                    + "s.seqcache AS cache, s.seqcycle AS cycle, on_.nspname AS ownerns, oc.relname AS ownertable, "
                    + "oa.attname AS ownercolumn "
                    + "FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid "
                    + "LEFT JOIN pg_catalog.pg_depend o ON o.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                    + "AND o.objid = c.oid AND o.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                    + "AND o.deptype IN ('a', 'i') "
                    + "LEFT JOIN pg_catalog.pg_class oc ON oc.oid = o.refobjid "
                    + "LEFT JOIN pg_catalog.pg_namespace on_ ON on_.oid = oc.relnamespace "
                    + "LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = o.refobjid AND oa.attnum = o.refobjsubid "
                    + "WHERE {pg_class c} AND " + notExtensionMember("pg_class", "c.oid")
                    + " AND o.deptype IS DISTINCT FROM 'i'";

    /** Tables and partitioned tables; parents (partition parent or INHERITS) in inhseqno order. */
    static final String TABLES =
            "SELECT c.oid AS oid, c.relnamespace AS ns, c.relname AS name, c.relkind AS kind, "
                    + "c.relpersistence AS persistence, c.reloptions AS reloptions, c.relrowsecurity AS rls, "
                    + "c.relforcerowsecurity AS forcerls, c.relispartition AS ispartition, "
                    + "CASE WHEN c.relam <> 0 THEN (SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam) END AS am, "
                    + "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey, "
                    + "CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid, true) END AS bound, "
                    + "ARRAY(SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent "
                    + "JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid "
                    + "ORDER BY i.inhseqno) AS parentns, "
                    + "ARRAY(SELECT pc.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent "
                    + "WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parentnames "
                    + "FROM pg_catalog.pg_class c "
                    + "WHERE c.relkind IN ('r', 'p') AND {pg_class c} AND "
                    + notExtensionMember("pg_class", "c.oid");

    /**
     * Live columns of every relation in scope (tables, views and materialized views: their names
     * resolve index and constraint keys). Defaults never reference columns, so they are deparsed
     * without a relation context; generated expressions do, and get one. The base type's category
     * (for default normalization) comes from joins over pg_type, reported only where there is a
     * default; the collation is looked up only where it is not the database default. On 18 the
     * column's NOT NULL constraint row comes along (name, NOT VALID, NO INHERIT, declared locally).
     */
    static String columns(int serverVersion) {
        // PostgreSQL 18 keeps NOT NULL as a named constraint (contype 'n', one per column at most)
        boolean named = serverVersion >= 180000;
        return "SELECT a.attrelid AS rel, a.attname AS name, a.attnum AS num, c.relkind AS relkind, "
                    + (named ? "nn.conname AS nnname, NOT nn.convalidated AS nnnotvalid, nn.connoinherit AS nnnoinherit, "
                    + "nn.conislocal AS nnlocal, "
                    : "NULL::name AS nnname, false AS nnnotvalid, false AS nnnoinherit, false AS nnlocal, ")
                    + "pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull, "
                    + "a.attidentity AS identity, a.attgenerated AS generated, "
                    + "CASE WHEN a.attidentity <> '' THEN (SELECT ARRAY[s.seqstart, s.seqincrement, s.seqmin, s.seqmax, "
                    + "s.seqcache, CASE WHEN s.seqcycle THEN 1 ELSE 0 END] FROM pg_catalog.pg_depend d "
                    + "JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid "
                    + "WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = a.attrelid "
                    + "AND d.refobjsubid = a.attnum "
                    + "AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i' LIMIT 1) END AS identseq, "
                    + "CASE WHEN a.attidentity <> '' THEN (SELECT pg_catalog.format_type(s.seqtypid, NULL) "
                    + "FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid "
                    + "WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = a.attrelid "
                    + "AND d.refobjsubid = a.attnum "
                    + "AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i' LIMIT 1) END AS identtype, "
                    + "CASE WHEN a.atthasdef THEN (SELECT pg_catalog.pg_get_expr(ad.adbin, "
                    + "CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END, true) FROM pg_catalog.pg_attrdef ad "
                    + "WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) END AS def, "
                    + "CASE WHEN a.atthasdef THEN pg_catalog.format_type(a.atttypid, NULL) END AS basename, "
                    + "CASE WHEN a.atthasdef THEN bt.typcategory::text || COALESCE(et.typcategory::text, '') END AS cats, "
                    + "CASE WHEN a.attcollation NOT IN (0, 100) THEN (SELECT co.collname "
                    + "FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                    + "WHERE co.oid = a.attcollation AND t.typcollation <> a.attcollation) END AS collname, "
                    + "CASE WHEN a.attcollation NOT IN (0, 100) THEN (SELECT cn.nspname "
                    + "FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
                    + "WHERE co.oid = a.attcollation) END AS collns "
                    + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
                    + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                    + "JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END "
                    + "LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A' "
                    + (named ? "LEFT JOIN pg_catalog.pg_constraint nn ON nn.conrelid = a.attrelid AND nn.contype = 'n' "
                    + "AND nn.conkey[1] = a.attnum " : "")
                    + "WHERE c.relkind IN ('r', 'p', 'v', 'm') AND {pg_class c} AND a.attnum > 0 "
                    + "AND NOT a.attisdropped";
    }

    /**
     * Primary keys, unique, check, exclusion and foreign-key constraints declared on the table
     * itself: copies a partition inherits from its parent ({@code conparentid}) and checks inherited
     * through INHERITS ({@code NOT conislocal}) belong to the parent. Key columns come as attribute
     * numbers; a referenced table outside the scope has its column names read here.
     */
    static String constraints(int serverVersion) {
        String nullsNotDistinct = serverVersion >= 150000
                ? "CASE WHEN k.contype = 'u' THEN (SELECT ci.indnullsnotdistinct FROM pg_catalog.pg_index ci "
                + "WHERE ci.indexrelid = k.conindid) END" : "false";
        // PostgreSQL 18: NOT ENFORCED checks and foreign keys, WITHOUT OVERLAPS keys and PERIOD foreign keys
        String enforced = serverVersion >= 180000 ? "k.conenforced" : "true";
        String period = serverVersion >= 180000 ? "k.conperiod" : "false";
        return "SELECT k.oid AS oid, k.conrelid AS rel, k.conname AS name, k.contype AS type, k.conindid AS indexoid, "
                + "k.condeferrable AS deferrable, "
                + enforced + " AS enforced, " + period + " AS period, "
                + "k.condeferred AS deferred, k.connoinherit AS noinherit, NOT k.convalidated AS notvalid, k.conkey::text AS cols, "
                + "k.confrelid AS refrel, rn.nspname AS refns, rc.relname AS reftable, k.confkey::text AS refcols, "
                + "CASE WHEN k.contype = 'f' AND rc.relnamespace <> ALL (?::oid[]) THEN "
                + "ARRAY(SELECT a.attname FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY u(num, ord) "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord) "
                + "END AS refnames, "
                + "k.confupdtype AS onupdate, k.confdeltype AS ondelete, k.confmatchtype AS match, "
                + "CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid, true) END AS checkexpr, "
                + "CASE WHEN k.contype = 'x' THEN pg_catalog.pg_get_constraintdef(k.oid, true) END AS def, "
                + "COALESCE(" + nullsNotDistinct + ", false) AS nullsnotdistinct "
                + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid "
                + "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid "
                + "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
                + "WHERE c.relkind IN ('r', 'p') AND {pg_class c} "
                + "AND k.contype IN ('p', 'u', 'c', 'x', 'f') AND k.conparentid = 0 "
                + "AND (k.contype <> 'c' OR k.conislocal)";
    }

    /**
     * Indexes of tables and materialized views that do not back a constraint and are not a
     * partition's copy of a parent index. The full definition (parsed for expression keys, operator
     * classes and collations, which the server prints only when not the default) is read only when
     * some key is an expression or is not plain: an operator class not marked default, or marked
     * default for another type while the column's own type has a default of its own (a default class
     * of a binary-compatible or polymorphic type, e.g. text_ops on varchar or enum_ops on an enum, is
     * what the server picks when the type has none), or a collation other than the column's.
     */
    static String indexes(int serverVersion) {
        String nullsNotDistinct = serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false";
        // "printed" decides for all key columns at once (a subquery per index cost 350 ms at 7,500
        // indexes); the key's column is looked up by index, so the cost follows the scope, not the
        // size of pg_attribute
        return "WITH idx AS (SELECT i.* FROM pg_catalog.pg_class c JOIN pg_catalog.pg_index i ON i.indrelid = c.oid "
                + "WHERE c.relkind IN ('r', 'p', 'm') AND {pg_class c}), "
                + "keys AS (SELECT x.indexrelid, x.indclass[k] AS cls, x.indcollation[k] AS coll, "
                + "(SELECT a.atttypid FROM pg_catalog.pg_attribute a WHERE a.attrelid = x.indrelid "
                + "AND a.attnum = x.indkey[k]) AS typ, "
                + "(SELECT a.attcollation FROM pg_catalog.pg_attribute a WHERE a.attrelid = x.indrelid "
                + "AND a.attnum = x.indkey[k]) AS attcoll "
                + "FROM idx x, pg_catalog.generate_series(0, x.indnkeyatts - 1) k), "
                + "printed AS (SELECT DISTINCT u.indexrelid FROM keys u JOIN pg_catalog.pg_opclass o ON o.oid = u.cls "
                + "WHERE NOT o.opcdefault OR (o.opcintype IS DISTINCT FROM u.typ AND EXISTS (SELECT 1 "
                + "FROM pg_catalog.pg_opclass d WHERE d.opcmethod = o.opcmethod AND d.opcdefault "
                + "AND d.opcintype = u.typ)) "
                + "OR (u.coll <> 0 AND u.coll IS DISTINCT FROM u.attcoll)) "
                + "SELECT i.indexrelid AS oid, i.indrelid AS rel, ic.relname AS name, i.indisunique AS isunique, "
                + "(SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = ic.relam) AS method, "
                + "i.indnkeyatts AS nkeys, i.indkey::text AS nums, i.indoption::text AS options, "
                + "CASE WHEN i.indexprs IS NOT NULL OR p.indexrelid IS NOT NULL "
                + "THEN pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) END AS def, "
                + "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS pred, ic.reloptions AS reloptions, "
                + nullsNotDistinct + " AS nullsnotdistinct "
                + "FROM idx i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
                + "LEFT JOIN printed p ON p.indexrelid = i.indexrelid "
                + "WHERE NOT ic.relispartition "
                + "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conrelid = i.indrelid "
                + "AND k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))";
    }

    static final String VIEWS =
            "SELECT c.oid AS oid, c.relnamespace AS ns, c.relname AS name, c.relkind AS kind, "
                    + "pg_catalog.pg_get_viewdef(c.oid, true) AS def, c.reloptions AS reloptions "
                    + "FROM pg_catalog.pg_class c "
                    + "WHERE c.relkind IN ('v', 'm') AND {pg_class c} AND "
                    + notExtensionMember("pg_class", "c.oid");

    /** Functions (incl. window functions) and procedures; aggregates have no CREATE FUNCTION form. */
    static final String ROUTINES =
            "SELECT p.oid AS oid, p.pronamespace AS ns, p.proname AS name, p.prokind AS kind, "
                    + "pg_catalog.pg_get_function_identity_arguments(p.oid) AS args, "
                    + "pg_catalog.pg_get_functiondef(p.oid) AS def "
                    + "FROM pg_catalog.pg_proc p "
                    + "WHERE {pg_proc p} AND p.prokind IN ('f', 'p', 'w') AND "
                    + notExtensionMember("pg_proc", "p.oid");

    /** User triggers; a partition's clone of its parent's trigger ({@code tgparentid}) belongs to the parent. */
    static final String TRIGGERS =
            "SELECT t.oid AS oid, t.tgrelid AS rel, t.tgname AS name, "
                    + "pg_catalog.pg_get_triggerdef(t.oid, true) AS def, t.tgenabled AS enabled "
                    + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_trigger t ON t.tgrelid = c.oid "
                    + "WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND {pg_class c}";

    static final String POLICIES =
            "SELECT p.oid AS oid, p.polrelid AS rel, p.polname AS name, p.polpermissive AS permissive, "
                    + "p.polcmd AS cmd, ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE "
                    + "(SELECT o.rolname FROM pg_catalog.pg_roles o WHERE o.oid = r.oid) END "
                    + "FROM pg_catalog.unnest(p.polroles) r(oid) ORDER BY 1) AS roles, "
                    + "pg_catalog.pg_get_expr(p.polqual, p.polrelid, true) AS qual, "
                    + "pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true) AS withcheck "
                    + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_policy p ON p.polrelid = c.oid "
                    + "WHERE {pg_class c}";

    /**
     * Privileges granted to roles other than each object's owner, one row per grantee and privilege:
     * relations (tables, views, materialized views, sequences), columns, routines, enum/domain/composite
     * types, and the schemas in scope. A routine's or type's NULL acl means the built-in default
     * (EXECUTE / USAGE to PUBLIC), so it is expanded with acldefault(): a default acl and an explicit
     * one equal to it read the same. A NULL relation or schema acl grants only the owner: no rows.
     */
    static final String PRIVILEGES =
            "WITH objs AS ("
                    + "SELECT c.relnamespace AS ns, CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS otype, "
                    + "c.relname::text AS obj, NULL::text AS col, c.relowner AS owner, c.relacl AS acl "
                    + "FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relacl IS NOT NULL "
                    + "AND {pg_class c} AND " + notExtensionMember("pg_class", "c.oid")
                    + " UNION ALL "
                    + "SELECT c.relnamespace, 'COLUMN', c.relname::text, a.attname::text, c.relowner, a.attacl "
                    + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                    + "WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                    + "AND {pg_class c} AND " + notExtensionMember("pg_class", "c.oid")
                    + " UNION ALL "
                    + "SELECT p.pronamespace, CASE WHEN p.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, "
                    + "p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', NULL, p.proowner, "
                    + "COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) "
                    + "FROM pg_catalog.pg_proc p WHERE p.prokind IN ('f', 'p', 'w') AND {pg_proc p} AND "
                    + notExtensionMember("pg_proc", "p.oid")
                    + " UNION ALL "
                    + "SELECT t.typnamespace, 'TYPE', t.typname::text, NULL, t.typowner, "
                    + "COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner)) "
                    + "FROM pg_catalog.pg_type t WHERE {pg_type t} AND (t.typtype IN ('e', 'd') "
                    + "OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = t.typrelid "
                    + "AND tc.relkind = 'c'))) AND " + notExtensionMember("pg_type", "t.oid")
                    + " UNION ALL "
                    + "SELECT n.oid, 'SCHEMA', '', NULL, n.nspowner, n.nspacl FROM pg_catalog.pg_namespace n "
                    + "WHERE n.oid = ANY (?::oid[]) AND n.nspacl IS NOT NULL) "
                    + "SELECT o.ns AS ns, o.otype AS otype, o.obj AS obj, o.col AS col, "
                    + "CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE r.rolname END AS grantee, "
                    + "x.privilege_type AS priv, x.is_grantable AS grantable "
                    + "FROM objs o CROSS JOIN LATERAL pg_catalog.aclexplode(o.acl) x "
                    + "LEFT JOIN pg_catalog.pg_roles r ON r.oid = x.grantee "
                    + "WHERE x.grantee <> o.owner";
}
