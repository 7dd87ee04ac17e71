package dev.driftd.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates Quartz's JDBC job store tables in a PostgreSQL store from the script Quartz ships
 * ({@code org/quartz/impl/jdbcjobstore/tables_postgres.sql}), so the tables always match the Quartz
 * version on the classpath. The script starts by dropping every table; those statements are never
 * run: each CREATE becomes CREATE ... IF NOT EXISTS, and the whole set runs in one transaction under
 * an advisory lock, so nodes starting at once take turns and a running cluster loses nothing.
 */
public final class QuartzTables {
    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Fixed and distinct from the store's own migration lock: "drqrtz" in ASCII. */
    private static final long LOCK_KEY = 0x647271727a74L;

    private QuartzTables() {
    }

    /** The CREATE statements of the shipped script, rewritten to be idempotent; never a DROP. */
    static List<String> statements() {
        String text;
        try (InputStream in = QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the Quartz jar has no " + SCRIPT);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT + ": " + e.getMessage(), e);
        }
        StringBuilder noComments = new StringBuilder();
        for (String line : text.split("\n")) {
            int dash = line.indexOf("--");
            noComments.append(dash >= 0 ? line.substring(0, dash) : line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String raw : noComments.toString().split(";")) {
            String sql = raw.strip().replaceAll("\\s+", " ");
            String upper = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty() || upper.equals("COMMIT") || upper.startsWith("DROP ")) {
                continue;
            }
            if (upper.startsWith("CREATE TABLE ") && !upper.startsWith("CREATE TABLE IF NOT EXISTS ")) {
                sql = "CREATE TABLE IF NOT EXISTS " + sql.substring("CREATE TABLE ".length());
            } else if (upper.startsWith("CREATE INDEX ") && !upper.startsWith("CREATE INDEX IF NOT EXISTS ")) {
                sql = "CREATE INDEX IF NOT EXISTS " + sql.substring("CREATE INDEX ".length());
            } else if (!upper.startsWith("CREATE ")) {
                throw new IllegalStateException(SCRIPT + " has a statement driftd does not know how to run safely: "
                        + sql.substring(0, Math.min(60, sql.length())));
            }
            out.add(sql);
        }
        return out;
    }

    /** Creates whatever Quartz table or index is missing; safe when several nodes do it at once. */
    public static void ensure(Connection c) throws SQLException {
        List<String> statements = statements();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // IF NOT EXISTS alone still races on the catalog (duplicate key on pg_type): take turns
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
