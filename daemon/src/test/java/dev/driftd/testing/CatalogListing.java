package dev.driftd.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A PostgreSQL database's schema as the server itself prints it, one sorted line per object, for
 * tests that compare two databases without the inspector's eyes where {@code pg_dump} cannot be
 * used: the local pg_dump (Debian's 15) refuses a newer server such as an embedded PostgreSQL 18.
 * Constraints ({@code pg_get_constraintdef}, NOT NULL ones of 18 included), columns (type, NOT
 * NULL, collation, generated kind, default or expression), indexes, views, routines, triggers,
 * policies, enum labels, sequences, extensions, comments and grants. No OIDs, so equal schemas
 * in two databases list equal; {@code schema} null lists every non-system schema.
 */
public final class CatalogListing {
    private static final String SQL = "WITH ns AS (SELECT oid, nspname FROM pg_catalog.pg_namespace "
            + "WHERE (?::text IS NULL AND nspname !~ '^pg_' AND nspname <> 'information_schema') OR nspname = ?), "
            + "rel AS (SELECT c.*, n.nspname FROM pg_catalog.pg_class c JOIN ns n ON n.oid = c.relnamespace) "
            + "SELECT 'schema ' || nspname || ' ' || COALESCE(pg_catalog.obj_description(oid, 'pg_namespace'), '') FROM ns "
            + "UNION ALL SELECT 'relation ' || nspname || '.' || relname || ' kind=' || relkind::text || ' persistence='"
            + " || relpersistence::text || ' options=' || COALESCE((SELECT pg_catalog.string_agg(o, ',' ORDER BY o) FROM pg_catalog.unnest(reloptions) o), '')"
            // reloptions in the order they were set: ALTER VIEW ... SET after WITH CHECK OPTION lists them otherwise
            + " || ' acl=' || " + acl("COALESCE(relacl, pg_catalog.acldefault((CASE WHEN relkind = 'S' THEN 's' ELSE 'r' END)::\"char\", relowner))", "relowner")
            + " || ' comment=' || COALESCE(pg_catalog.obj_description(oid, 'pg_class'), '') FROM rel WHERE relkind <> 'i' "
            + "AND relkind <> 't' AND relkind <> 'c' "
            + "UNION ALL SELECT 'constraint ' || COALESCE(c.nspname || '.' || c.relname, 'type ' || pg_catalog.format_type(k.contypid, NULL))"
            + " || '.' || k.conname || ' ' || pg_catalog.pg_get_constraintdef(k.oid, true)"
            + " || ' comment=' || COALESCE(pg_catalog.obj_description(k.oid, 'pg_constraint'), '') "
            + "FROM pg_catalog.pg_constraint k LEFT JOIN rel c ON c.oid = k.conrelid "
            + "WHERE k.connamespace IN (SELECT oid FROM ns) "
            + "UNION ALL SELECT 'column ' || c.nspname || '.' || c.relname || '.' || a.attname || ' '"
            + " || pg_catalog.format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull::text"
            + " || ' collation=' || COALESCE((SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = a.attcollation), '')"
            + " || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text"
            + " || ' acl=' || " + acl("a.attacl", "c.relowner")
            + " || ' comment=' || COALESCE(pg_catalog.col_description(c.oid, a.attnum), '')"
            + " || COALESCE(' ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid, true), '') "
            + "FROM pg_catalog.pg_attribute a JOIN rel c ON c.oid = a.attrelid "
            + "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') "
            + "UNION ALL SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index i "
            + "JOIN rel c ON c.oid = i.indrelid "
            + "UNION ALL SELECT 'view ' || nspname || '.' || relname || ' ' || pg_catalog.pg_get_viewdef(oid, true) "
            + "FROM rel WHERE relkind IN ('v', 'm') "
            + "UNION ALL SELECT 'routine ' || pg_catalog.pg_get_functiondef(p.oid) || ' acl=' || " + acl("COALESCE(p.proacl, pg_catalog.acldefault('f'::\"char\", p.proowner))", "p.proowner") + " "
            + "FROM pg_catalog.pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns) AND p.prokind IN ('f', 'p', 'w') "
            + "UNION ALL SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(t.oid, true) || ' enabled=' || t.tgenabled::text "
            + "FROM pg_catalog.pg_trigger t JOIN rel c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
            + "UNION ALL SELECT 'policy ' || c.nspname || '.' || c.relname || '.' || p.polname || ' ' || p.polcmd::text"
            + " || ' ' || p.polpermissive::text || ' ' || COALESCE(pg_catalog.pg_get_expr(p.polqual, p.polrelid, true), '')"
            + " || ' ' || COALESCE(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true), '') "
            + "FROM pg_catalog.pg_policy p JOIN rel c ON c.oid = p.polrelid "
            + "UNION ALL SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text || ' '"
            + " || COALESCE(pg_catalog.format_type(NULLIF(t.typbasetype, 0), t.typtypmod), '')"
            + " || ' notnull=' || t.typnotnull::text || ' default=' || COALESCE(t.typdefault, '')"
            + " || ' labels=' || COALESCE((SELECT pg_catalog.string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) "
            + "FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '')"
            + " || ' comment=' || COALESCE(pg_catalog.obj_description(t.oid, 'pg_type'), '') "
            + "FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace WHERE t.typtype IN ('e', 'd', 'r') "
            + "OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = t.typrelid "
            + "AND tc.relkind = 'c')) "
            + "UNION ALL SELECT 'sequence ' || c.nspname || '.' || c.relname || ' ' || pg_catalog.format_type(s.seqtypid, NULL)"
            + " || ' ' || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqmin || ' ' || s.seqmax || ' ' || s.seqcache"
            + " || ' ' || s.seqcycle::text FROM pg_catalog.pg_sequence s JOIN rel c ON c.oid = s.seqrelid "
            + "UNION ALL SELECT 'extension ' || e.extname || ' ' || e.extversion FROM pg_catalog.pg_extension e "
            + "WHERE e.extnamespace IN (SELECT oid FROM ns)";

    private CatalogListing() {
    }

    /**
     * An ACL as grantee:privilege(:grantable) items, sorted (their order in the array follows the
     * order of the GRANTs), the owner's own left out as {@code pg_dump --no-owner} leaves owners out,
     * a NULL ACL read as the default one.
     */
    private static String acl(String acl, String owner) {
        return "COALESCE((SELECT pg_catalog.string_agg(y.item, ',' ORDER BY y.item) FROM (SELECT CASE WHEN "
                + "x.grantee = 0 THEN 'PUBLIC' ELSE (SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid = x.grantee) "
                + "END || ':' || x.privilege_type || CASE WHEN x.is_grantable THEN ':grantable' ELSE '' END AS item "
                + "FROM pg_catalog.aclexplode(" + acl + ") x WHERE x.grantee <> " + owner + ") y), '')";
    }

    /** The sorted lines of one schema ({@code schema}) or of every non-system schema (null). */
    public static List<String> lines(TestDatabase db, String schema) {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the catalog of " + db.name() + ": " + e.getMessage(), e);
        }
        Collections.sort(lines);
        return lines;
    }

    /** The server's major version (18 for 18.0). */
    public static int serverMajor(TestDatabase db) {
        try (Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server version of " + db.name() + ": " + e.getMessage(), e);
        }
    }

    private static Integer localPgDump;

    /** Whether the local {@code pg_dump} can dump this database's server: it refuses a newer major version. */
    public static synchronized boolean pgDumpCanRead(TestDatabase db) {
        if (localPgDump == null) {
            localPgDump = localPgDumpMajor();
        }
        return localPgDump >= serverMajor(db);
    }

    private static int localPgDumpMajor() {
        try {
            Process p = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.").matcher(out);
            return p.exitValue() == 0 && m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
