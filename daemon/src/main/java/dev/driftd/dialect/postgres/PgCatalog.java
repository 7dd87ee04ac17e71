package dev.driftd.dialect.postgres;

/**
 * The catalog queries of one snapshot, one per object kind, each covering the whole scope (the
 * schema OIDs are bound as one {@code oid[]} parameter), so the number of statements never grows
 * with the number of tables. Deparsing ({@code pg_get_expr}, {@code pg_get_viewdef}, ...) runs with
 * the {@code search_path} the inspector set: the tenant schema in a single-schema scope (names of
 * that schema print unqualified), empty for a whole database (every name printed qualified).
 * Objects that belong to an extension ({@code pg_depend.deptype = 'e'}) are left out everywhere.
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

    private static String comment(String alias, String catalog, String oidExpr, String subIdExpr) {
        return "LEFT JOIN pg_catalog.pg_description " + alias + " ON " + alias + ".objoid = " + oidExpr + " AND "
                + alias + ".classoid = 'pg_catalog." + catalog + "'::pg_catalog.regclass AND " + alias + ".objsubid = "
                + subIdExpr;
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
                + comment("d", "pg_namespace", "n.oid", "0") + ") ON " + filter + " ORDER BY n.nspname";
    }

    static final String EXTENSIONS =
            "SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version, d.description AS comment "
                    + "FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
                    + comment("d", "pg_extension", "e.oid", "0")
                    + " WHERE ?::boolean OR e.extnamespace = ANY (?::oid[]) ORDER BY e.extname";

    static final String ENUMS =
            "SELECT t.typnamespace AS ns, t.typname AS name, "
                    + "ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid "
                    + "ORDER BY e.enumsortorder) AS labels, d.description AS comment "
                    + "FROM pg_catalog.pg_type t " + comment("d", "pg_type", "t.oid", "0")
                    + " WHERE t.typtype = 'e' AND t.typnamespace = ANY (?::oid[]) AND "
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
                    + "d.description AS comment "
                    + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
                    + "LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A' "
                    + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation "
                    + "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
                    + "LEFT JOIN pg_catalog.pg_constraint k ON k.contypid = t.oid AND k.contype = 'c' "
                    + comment("d", "pg_type", "t.oid", "0")
                    + " WHERE t.typtype = 'd' AND t.typnamespace = ANY (?::oid[]) AND "
                    + notExtensionMember("pg_type", "t.oid") + " ORDER BY t.oid, k.conname";

    /** One row per attribute of a composite type. */
    static final String COMPOSITES =
            "SELECT t.oid AS oid, t.typnamespace AS ns, t.typname AS name, a.attname AS attname, "
                    + "pg_catalog.format_type(a.atttypid, a.atttypmod) AS atttype, "
                    + "CASE WHEN a.attcollation <> at.typcollation THEN co.collname END AS collname, "
                    + "CASE WHEN a.attcollation <> at.typcollation THEN cn.nspname END AS collns, "
                    + "d.description AS comment "
                    + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' "
                    + "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                    + "LEFT JOIN pg_catalog.pg_type at ON at.oid = a.atttypid "
                    + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
                    + "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
                    + comment("d", "pg_type", "t.oid", "0")
                    + " WHERE t.typtype = 'c' AND t.typnamespace = ANY (?::oid[]) AND "
                    + notExtensionMember("pg_type", "t.oid") + " ORDER BY t.oid, a.attnum";

    /** Free-standing sequences: identity sequences (deptype 'i') belong to their column. */
    static final String SEQUENCES =
            "SELECT c.relnamespace AS ns, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS type, "
                    + "s.seqstart AS start, s.seqincrement AS inc, s.seqmin AS min, s.seqmax AS max, "
                    + "s.seqcache AS cache, s.seqcycle AS cycle, on_.nspname AS ownerns, oc.relname AS ownertable, "
                    + "oa.attname AS ownercolumn, d.description AS comment "
                    + "FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid "
                    + "LEFT JOIN pg_catalog.pg_depend o ON o.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                    + "AND o.objid = c.oid AND o.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                    + "AND o.deptype = 'a' "
                    + "LEFT JOIN pg_catalog.pg_class oc ON oc.oid = o.refobjid "
                    + "LEFT JOIN pg_catalog.pg_namespace on_ ON on_.oid = oc.relnamespace "
                    + "LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = o.refobjid AND oa.attnum = o.refobjsubid "
                    + comment("d", "pg_class", "c.oid", "0")
                    + " WHERE c.relnamespace = ANY (?::oid[]) AND " + notExtensionMember("pg_class", "c.oid")
                    + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = "
                    + "'pg_catalog.pg_class'::pg_catalog.regclass AND i.objid = c.oid AND i.deptype = 'i')";

    /** Tables and partitioned tables; parents (partition parent or INHERITS) in inhseqno order. */
    static final String TABLES =
            "SELECT c.oid AS oid, c.relnamespace AS ns, c.relname AS name, c.relkind AS kind, "
                    + "c.relpersistence AS persistence, c.reloptions AS reloptions, c.relrowsecurity AS rls, "
                    + "c.relforcerowsecurity AS forcerls, c.relispartition AS ispartition, am.amname AS am, "
                    + "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey, "
                    + "CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid, true) END AS bound, "
                    + "ARRAY(SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent "
                    + "JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid "
                    + "ORDER BY i.inhseqno) AS parentns, "
                    + "ARRAY(SELECT pc.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent "
                    + "WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parentnames, "
                    + "d.description AS comment "
                    + "FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam "
                    + comment("d", "pg_class", "c.oid", "0")
                    + " WHERE c.relkind IN ('r', 'p') AND c.relnamespace = ANY (?::oid[]) AND "
                    + notExtensionMember("pg_class", "c.oid");

    /** Live columns of tables; the base type and its category drive default normalization. */
    static final String COLUMNS =
            "SELECT a.attrelid AS rel, a.attname AS name, a.attnum AS num, "
                    + "pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, "
                    + "pg_catalog.format_type(a.atttypid, NULL) AS basename, "
                    + "bt.typcategory AS cat, et.typcategory AS elemcat, a.attnotnull AS notnull, "
                    + "a.attidentity AS identity, a.attgenerated AS generated, "
                    + "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS def, "
                    + "CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collname, "
                    + "CASE WHEN a.attcollation <> t.typcollation THEN cn.nspname END AS collns, "
                    + "d.description AS comment "
                    + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                    + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                    + "JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END "
                    + "LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A' "
                    + "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
                    + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
                    + "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
                    + comment("d", "pg_class", "a.attrelid", "a.attnum")
                    + " WHERE c.relkind IN ('r', 'p') AND c.relnamespace = ANY (?::oid[]) AND a.attnum > 0 "
                    + "AND NOT a.attisdropped AND " + notExtensionMember("pg_class", "c.oid")
                    + " ORDER BY a.attrelid, a.attnum";

    /**
     * Primary keys, unique, check, exclusion and foreign-key constraints declared on the table
     * itself: copies a partition inherits from its parent ({@code conparentid}) and checks inherited
     * through INHERITS ({@code NOT conislocal}) belong to the parent.
     */
    static String constraints(int serverVersion) {
        String nullsNotDistinct = serverVersion >= 150000 ? "ci.indnullsnotdistinct" : "false";
        return "SELECT k.conrelid AS rel, k.conname AS name, k.contype AS type, k.condeferrable AS deferrable, "
                + "k.condeferred AS deferred, k.connoinherit AS noinherit, "
                + "ARRAY(SELECT a.attname FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY u(num, ord) "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord) AS cols, "
                + "rn.nspname AS refns, rc.relname AS reftable, "
                + "ARRAY(SELECT a.attname FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY u(num, ord) "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord) AS refcols, "
                + "k.confupdtype AS onupdate, k.confdeltype AS ondelete, k.confmatchtype AS match, "
                + "CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid, true) END AS checkexpr, "
                + "CASE WHEN k.contype = 'x' THEN pg_catalog.pg_get_constraintdef(k.oid, true) END AS def, "
                + "COALESCE(" + nullsNotDistinct + ", false) AS nullsnotdistinct, d.description AS comment "
                + "FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
                + "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid "
                + "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
                + "LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = k.conindid AND k.contype = 'u' "
                + comment("d", "pg_constraint", "k.oid", "0")
                + " WHERE c.relkind IN ('r', 'p') AND c.relnamespace = ANY (?::oid[]) "
                + "AND k.contype IN ('p', 'u', 'c', 'x', 'f') AND k.conparentid = 0 "
                + "AND (k.contype <> 'c' OR k.conislocal) AND " + notExtensionMember("pg_class", "c.oid");
    }

    /**
     * Indexes of tables and materialized views that do not back a constraint and are not a
     * partition's copy of a parent index. Per key: the column name (0 for an expression), the
     * deparsed key text, and the full definition (parsed for opclass and collation, which the
     * server prints only when not the default).
     */
    static String indexes(int serverVersion) {
        String nullsNotDistinct = serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false";
        return "SELECT i.indrelid AS rel, ic.relname AS name, i.indisunique AS isunique, am.amname AS method, "
                + "i.indnkeyatts AS nkeys, i.indoption::int2[] AS options, "
                + "ARRAY(SELECT u.num FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY u(num, ord) ORDER BY u.ord) AS nums, "
                + "ARRAY(SELECT COALESCE(a.attname, '') FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY u(num, ord) "
                + "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.num "
                + "ORDER BY u.ord) AS colnames, "
                + "ARRAY(SELECT CASE WHEN u.num = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, u.ord::int, true) "
                + "ELSE pg_catalog.quote_ident(a.attname) END "
                + "FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY u(num, ord) "
                + "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.num "
                + "WHERE u.ord <= i.indnkeyatts ORDER BY u.ord) AS keytexts, "
                + "pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) AS def, "
                + "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS pred, ic.reloptions AS reloptions, "
                + nullsNotDistinct + " AS nullsnotdistinct, d.description AS comment "
                + "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
                + "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
                + comment("d", "pg_class", "i.indexrelid", "0")
                + " WHERE c.relkind IN ('r', 'p', 'm') AND c.relnamespace = ANY (?::oid[]) AND NOT ic.relispartition "
                + "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid "
                + "AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) AND "
                + notExtensionMember("pg_class", "c.oid");
    }

    static final String VIEWS =
            "SELECT c.oid AS oid, c.relnamespace AS ns, c.relname AS name, c.relkind AS kind, "
                    + "pg_catalog.pg_get_viewdef(c.oid, true) AS def, c.reloptions AS reloptions, "
                    + "ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
                    + "AND NOT a.attisdropped ORDER BY a.attnum) AS cols, d.description AS comment "
                    + "FROM pg_catalog.pg_class c " + comment("d", "pg_class", "c.oid", "0")
                    + " WHERE c.relkind IN ('v', 'm') AND c.relnamespace = ANY (?::oid[]) AND "
                    + notExtensionMember("pg_class", "c.oid");

    /** Functions (incl. window functions) and procedures; aggregates have no CREATE FUNCTION form. */
    static final String ROUTINES =
            "SELECT p.pronamespace AS ns, p.proname AS name, p.prokind AS kind, "
                    + "pg_catalog.pg_get_function_identity_arguments(p.oid) AS args, "
                    + "pg_catalog.pg_get_functiondef(p.oid) AS def, d.description AS comment "
                    + "FROM pg_catalog.pg_proc p " + comment("d", "pg_proc", "p.oid", "0")
                    + " WHERE p.pronamespace = ANY (?::oid[]) AND p.prokind IN ('f', 'p', 'w') AND "
                    + notExtensionMember("pg_proc", "p.oid");

    /** User triggers; a partition's clone of its parent's trigger ({@code tgparentid}) belongs to the parent. */
    static final String TRIGGERS =
            "SELECT c.relnamespace AS ns, c.relname AS rel, t.tgname AS name, "
                    + "pg_catalog.pg_get_triggerdef(t.oid, true) AS def, t.tgenabled AS enabled, d.description AS comment "
                    + "FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
                    + comment("d", "pg_trigger", "t.oid", "0")
                    + " WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relnamespace = ANY (?::oid[]) AND "
                    + notExtensionMember("pg_class", "c.oid");

    static final String POLICIES =
            "SELECT c.relnamespace AS ns, c.relname AS rel, p.polname AS name, p.polpermissive AS permissive, "
                    + "p.polcmd AS cmd, ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE "
                    + "(SELECT o.rolname FROM pg_catalog.pg_roles o WHERE o.oid = r.oid) END "
                    + "FROM pg_catalog.unnest(p.polroles) r(oid) ORDER BY 1) AS roles, "
                    + "pg_catalog.pg_get_expr(p.polqual, p.polrelid, true) AS qual, "
                    + "pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true) AS withcheck, d.description AS comment "
                    + "FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid "
                    + comment("d", "pg_policy", "p.oid", "0")
                    + " WHERE c.relnamespace = ANY (?::oid[]) AND " + notExtensionMember("pg_class", "c.oid");
}
